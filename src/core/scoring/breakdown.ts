import type { ExamDefinition } from '../exam/exam-schema.ts';

export interface BreakdownRow {
  task?: string | undefined;
  /** The bullets (C01) or skills (C02) the question is tagged with for this exam. */
  bullets?: readonly string[] | undefined;
  correct: boolean;
}

export interface TaskResult {
  id: string;
  domain: string;
  title: string;
  correct: number;
  total: number;
}

export interface SkillResult {
  id: string;
  task: string;
  text: string;
  correct: number;
  total: number;
}

/**
 * Right and wrong per task statement and per bullet or skill, in the exam's order, for the rows given
 * (a report passes the questions it counts). A question counts toward every bullet it lists, as in the
 * bank report; task statements and bullets with no question are left out.
 */
export function breakdown(exam: ExamDefinition, rows: readonly BreakdownRow[]): { tasks: TaskResult[]; skills: SkillResult[] } {
  const tally = (keyOf: (r: BreakdownRow) => readonly string[]) => {
    const counts = new Map<string, { correct: number; total: number }>();
    for (const r of rows) {
      for (const key of keyOf(r)) {
        const c = counts.get(key) ?? { correct: 0, total: 0 };
        c.total += 1;
        if (r.correct) c.correct += 1;
        counts.set(key, c);
      }
    }
    return counts;
  };
  const byTask = tally((r) => (r.task ? [r.task] : []));
  const bySkill = tally((r) => r.bullets ?? []);
  const tasks: TaskResult[] = [];
  const skills: SkillResult[] = [];
  for (const d of exam.domains) {
    for (const t of d.tasks) {
      const tc = byTask.get(t.id);
      if (tc) tasks.push({ id: t.id, domain: d.id, title: t.title, ...tc });
      for (const b of [...t.knowledge, ...t.skills]) {
        const bc = bySkill.get(b.id);
        if (bc) skills.push({ id: b.id, task: t.id, text: b.text, ...bc });
      }
    }
  }
  return { tasks, skills };
}
