import type { Kysely } from 'kysely';
import { attempts } from '../../db/repositories/attempts.ts';
import type { Database } from '../../db/schema.ts';
import { quizScore } from '../services/study-service.ts';
import { parseTarget } from './lti-targets.ts';

/** A grade as the gradebook should hold it: a score, or a project awaiting its grader (sent without a score). */
export type Grade = { given: number; max: number; progress: 'FullyGraded' } | { given: 0; max: 0; progress: 'PendingManual' };
const AWAITING_GRADER: Grade = { given: 0, max: 0, progress: 'PendingManual' };

/** A learner on a graded link: whose grade, for which activity, on the course's exam. */
export interface GradeOf {
  userId: string;
  target: string;
  exam: string;
}
export const gradeKey = (g: GradeOf) => `${g.userId} ${g.exam} ${g.target}`;

/** Users per query: well under either store's limit on bound parameters. */
const CHUNK = 500;

/**
 * The grade of every (learner, activity) asked, read with a few queries per kind of activity for all
 * the learners at once (a query per pair made a sweep cost thousands of queries in a large course):
 * a mock's latest scaled score, a module quiz's best score, a project's latest grade or "awaiting
 * grading" while its submissions are not graded. Pairs with nothing to grade yet are absent.
 */
export async function currentGrades(db: Kysely<Database>, pairs: GradeOf[]): Promise<Map<string, Grade>> {
  const byKind = { mock: [] as GradeOf[], module: [] as GradeOf[], project: [] as GradeOf[] };
  for (const p of pairs) {
    const kind = parseTarget(p.target).kind;
    if (kind === 'mock' || kind === 'module' || kind === 'project') byKind[kind].push(p);
  }
  const users = (list: GradeOf[]) => chunks([...new Set(list.map((p) => p.userId))]);
  const grades = new Map<string, Grade>();

  // Mocks: the latest submitted scaled score of the profile, on the course's exam.
  const latestMock = new Map<string, { scaled: number; at: number }>();
  for (const ids of users(byKind.mock)) {
    const rows = await db.selectFrom('attempts').select(['user_id', 'exam', 'profile', 'scaled', 'submitted_ms']).where('user_id', 'in', ids).where('kind', '=', 'mock').where('status', '=', 'submitted').where('scaled', 'is not', null).execute();
    for (const r of rows) {
      const key = gradeKey({ userId: r.user_id, exam: r.exam, target: `mock:${r.profile}` });
      const at = Number(r.submitted_ms);
      if ((latestMock.get(key)?.at ?? -1) < at) latestMock.set(key, { scaled: Number(r.scaled), at });
    }
  }
  for (const p of byKind.mock) {
    const m = latestMock.get(gradeKey(p));
    if (m) grades.set(gradeKey(p), { given: m.scaled, max: 1000, progress: 'FullyGraded' });
  }

  // Module quizzes: the best score among the module's submitted quizzes, on the course's exam.
  const bestQuiz = new Map<string, { correct: number; asked: number }>();
  for (const ids of users(byKind.module)) {
    for (const q of await attempts.submittedQuizzes(db, ids)) {
      const score = quizScore(q);
      const module = q.scope?.modules?.[0];
      if (!score || module === undefined) continue;
      const key = gradeKey({ userId: q.userId, exam: q.exam, target: `module:${module}` });
      if (score.correct > (bestQuiz.get(key)?.correct ?? -1)) bestQuiz.set(key, score);
    }
  }
  for (const p of byKind.module) {
    const best = bestQuiz.get(gradeKey(p));
    if (best) grades.set(gradeKey(p), { given: best.correct, max: best.asked, progress: 'FullyGraded' });
  }

  // Projects (any exam): the latest graded submission's points, else "awaiting grading" once submitted.
  const project = new Map<string, { grade: { points: number; max: number } | null; at: number }>();
  for (const ids of users(byKind.project)) {
    const rows = await db.selectFrom('project_submissions').select(['user_id', 'project_id', 'grade', 'graded_ms']).where('user_id', 'in', ids).execute();
    for (const r of rows) {
      const key = `${r.user_id} project:${r.project_id}`;
      const seen = project.get(key);
      const grade = r.grade ? (JSON.parse(r.grade) as { points: number; max: number }) : null;
      const at = grade ? Number(r.graded_ms) : -1;
      if (!seen || at > seen.at) project.set(key, { grade, at });
    }
  }
  for (const p of byKind.project) {
    const latest = project.get(`${p.userId} ${p.target}`);
    if (latest) grades.set(gradeKey(p), latest.grade ? { given: latest.grade.points, max: latest.grade.max, progress: 'FullyGraded' } : AWAITING_GRADER);
  }
  return grades;
}

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}
