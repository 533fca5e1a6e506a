import type { BankEntry, Question } from '../../src/core/items/item-schema.ts';
import type { Answer, PresentedItem } from '../../src/core/api/contracts.ts';
import type { ExamDefinition } from '../../src/core/exam/exam-schema.ts';

/**
 * A synthetic bank for tests: `perDomain` standalone questions per domain cycling through the four
 * types, plus `cases` case studies of two questions each (domains 1 and 2). Not exam content.
 */
export function syntheticBank(exam: ExamDefinition, perDomain: number, cases = 1): BankEntry[] {
  const out: BankEntry[] = [];
  const common = (id: string, task: string, bullet: string) => ({
    id,
    exams: { [exam.id]: { task, bullets: [bullet], module: 1, angoff: 0.6 } },
    difficulty: 3,
    explanation: 'Synthetic.',
    references: ['https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html'],
  });
  const question = (id: string, task: string, bullet: string, kind: number): Question => {
    const c = common(id, task, bullet);
    switch (kind % 4) {
      case 0:
        return { ...c, type: 'single', stem: `Question ${id}?`, options: ['a', 'b', 'c', 'd'].map((o, i) => ({ id: o, text: `Option ${o} of ${id}`, correct: i === 1, why: `Why ${o}.` })) };
      case 1:
        return { ...c, type: 'multiple', select: 2, stem: `Question ${id}? (Select TWO.)`, options: ['a', 'b', 'c', 'd', 'e'].map((o, i) => ({ id: o, text: `Option ${o} of ${id}`, correct: i === 0 || i === 3, why: `Why ${o}.` })) };
      case 2:
        return { ...c, type: 'ordering', stem: `Order ${id}.`, steps: ['s1', 's2', 's3', 's4'].map((s) => ({ id: s, text: `Step ${s} of ${id}`, why: `Why ${s}.` })) };
      default:
        return {
          ...c,
          type: 'matching',
          stem: `Match ${id}.`,
          prompts: ['p1', 'p2', 'p3'].map((p, i) => ({ id: p, text: `Prompt ${p} of ${id}`, match: `r${i + 1}`, why: `Why ${p}.` })),
          responses: ['r1', 'r2', 'r3', 'r4'].map((r) => ({ id: r, text: `Response ${r} of ${id}` })),
        };
    }
  };
  for (const d of exam.domains) {
    const task = d.tasks[0]!;
    const bullet = (task.knowledge[0] ?? task.skills[0]!).id;
    for (let i = 0; i < perDomain; i++) out.push(question(`d${d.id}-${String(i).padStart(3, '0')}`, task.id, bullet, i));
  }
  for (let k = 0; k < cases; k++) {
    const [d1, d2] = exam.domains;
    out.push({
      id: `case-${k}`,
      type: 'case',
      title: `Case ${k}`,
      scenario: `Scenario of case ${k}.`,
      questions: [
        question(`case-${k}-q1`, d1!.tasks[0]!.id, (d1!.tasks[0]!.knowledge[0] ?? d1!.tasks[0]!.skills[0]!).id, 0),
        question(`case-${k}-q2`, d2!.tasks[0]!.id, (d2!.tasks[0]!.knowledge[0] ?? d2!.tasks[0]!.skills[0]!).id, 1),
      ],
    });
  }
  return out;
}

/**
 * A synthetic bank for two exam versions: `syntheticBank(first, perDomain, 1)` in which the first
 * half of each domain's standalone questions is also tagged for `second` (its domain's first task and
 * skill); the rest, and the case study, stay `first` only. Question `d<N>-<i>` is in domain N of both.
 */
export function twoExamBank(first: ExamDefinition, second: ExamDefinition, perDomain: number): BankEntry[] {
  return syntheticBank(first, perDomain, 1).map((e) => {
    if (e.type === 'case') return e;
    const [, domain, index] = /^d(\d+)-(\d+)$/.exec(e.id)!;
    if (Number(index) >= perDomain / 2) return e;
    const task = second.domains.find((d) => d.id === domain)!.tasks[0]!;
    return { ...e, exams: { ...e.exams, [second.id]: { task: task.id, bullets: [task.skills[0]!.id], module: 1, angoff: 0.6 } } };
  });
}

/** A complete but wrong answer to a presented item of the synthetic bank (its keys: option b; options a and d; steps in order; p1–r1, p2–r2, p3–r3). */
export function syntheticWrongAnswer(item: PresentedItem): Answer {
  const byText = (prefix: string) => item.options!.find((o) => o.text.startsWith(prefix))!.id;
  if (item.type === 'single') return { choice: byText('Option a ') };
  if (item.type === 'multiple') return { choices: [byText('Option b '), byText('Option c ')] };
  if (item.type === 'ordering') return { order: [...item.steps!].sort((x, y) => y.text.localeCompare(x.text)).map((s) => s.id) };
  const decoy = item.responses!.find((r) => r.text.startsWith('Response r4'))!.id;
  return { pairs: Object.fromEntries(item.prompts!.map((p) => [p.id, decoy])) };
}

/** The right answer to a presented item of the synthetic bank. */
export function syntheticRightAnswer(item: PresentedItem): Answer {
  const byText = (prefix: string) => item.options!.find((o) => o.text.startsWith(prefix))!.id;
  if (item.type === 'single') return { choice: byText('Option b ') };
  if (item.type === 'multiple') return { choices: [byText('Option a '), byText('Option d ')] };
  if (item.type === 'ordering') return { order: [...item.steps!].sort((x, y) => x.text.localeCompare(y.text)).map((s) => s.id) };
  const response = (n: string) => item.responses!.find((r) => r.text.startsWith(`Response r${n} `))!.id;
  return { pairs: Object.fromEntries(item.prompts!.map((p) => [p.id, response(/Prompt p(\d)/.exec(p.text)![1]!)])) };
}
