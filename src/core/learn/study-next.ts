import type { ExamDefinition } from '../exam/exam-schema.ts';
import { mastery } from './review-schedule.ts';

/** What the candidate has answered in one task statement (every response to a question of the exam's pool). */
export interface TaskTally {
  correct: number;
  answered: number;
}

export interface StudyPriority {
  task: string;
  domain: string;
  title: string;
  /** The task's share of the exam: its domain's weight split evenly over the domain's task statements. */
  share: number;
  /** Estimated mastery 0..1, (right + 1) / (answered + 2). */
  mastery: number;
  correct: number;
  answered: number;
  /** Points still to win, share × (1 − mastery): the ranking key. */
  points: number;
}

/**
 * What to study next, the one ranking every screen uses (dashboard, report, plan): the exam's task
 * statements ordered by the points they can still win,
 *   points(t) = share(t) × (1 − mastery(t)),
 * share(t) = weight(domain of t) / 100 / (task statements in that domain), mastery with a Beta(1, 1)
 * prior, so an untouched task counts at 0.5 and a heavy untouched task comes before a light weak one.
 * Ties: the lower task id. Every task statement is listed; screens show the first few.
 */
export function rankStudy(exam: ExamDefinition, tallies: ReadonlyMap<string, TaskTally>): StudyPriority[] {
  const totalWeight = exam.domains.reduce((s, d) => s + d.weight, 0);
  const out: StudyPriority[] = [];
  for (const d of exam.domains) {
    for (const t of d.tasks) {
      const tally = tallies.get(t.id) ?? { correct: 0, answered: 0 };
      const m = mastery(tally.correct, tally.answered);
      const share = d.weight / totalWeight / d.tasks.length;
      out.push({ task: t.id, domain: d.id, title: t.title, share, mastery: m, correct: tally.correct, answered: tally.answered, points: share * (1 - m) });
    }
  }
  return out.sort((a, b) => b.points - a.points || (a.task < b.task ? -1 : a.task > b.task ? 1 : 0));
}
