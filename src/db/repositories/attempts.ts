import type { Kysely } from 'kysely';
import type { AttemptKind, AttemptScope } from '../../core/api/contracts.ts';
import type { FormEntry } from '../../core/exam/assemble-form.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export interface StoredFormEntry extends FormEntry {
  versionId: string;
}

export interface AttemptRecord {
  id: string;
  userId: string;
  kind: AttemptKind;
  exam: string;
  profile: string | null;
  feedback: 'immediate' | 'end';
  /** `abandoned`: given up by the candidate; no score, no responses, its answers kept but counted nowhere. */
  status: 'open' | 'submitted' | 'abandoned';
  seed: string;
  startedMs: number;
  deadlineMs: number | null;
  submittedMs: number | null;
  form: StoredFormEntry[];
  report: string | null;
  scaled: number | null;
  passed: boolean | null;
  target: number | null;
  accommodation: string | null;
  extraMinutes: number | null;
  scope: AttemptScope | null;
  /** A paused timed practice: the milliseconds it had left; null when running or untimed. */
  pausedRemainingMs: number | null;
}

type Row = Database['attempts'];
const toRecord = (r: Row): AttemptRecord => ({
  id: r.id,
  userId: r.user_id,
  kind: r.kind as AttemptRecord['kind'],
  exam: r.exam,
  profile: r.profile,
  feedback: r.feedback as AttemptRecord['feedback'],
  status: r.status as AttemptRecord['status'],
  seed: r.seed,
  startedMs: Number(r.started_ms),
  deadlineMs: r.deadline_ms === null ? null : Number(r.deadline_ms),
  submittedMs: r.submitted_ms === null ? null : Number(r.submitted_ms),
  form: JSON.parse(r.form) as StoredFormEntry[],
  report: r.report,
  scaled: r.scaled,
  passed: r.passed === null ? null : r.passed === 1,
  target: r.target,
  accommodation: r.accommodation,
  extraMinutes: r.extra_minutes,
  scope: r.scope === null ? null : (JSON.parse(r.scope) as AttemptScope),
  pausedRemainingMs: r.paused_remaining_ms === null || r.paused_remaining_ms === undefined ? null : Number(r.paused_remaining_ms),
});

export const attempts = {
  async insert(
    db: Db,
    a: Omit<AttemptRecord, 'status' | 'submittedMs' | 'report' | 'scaled' | 'passed' | 'target' | 'accommodation' | 'extraMinutes' | 'scope' | 'pausedRemainingMs'> & { target?: number | null; accommodation?: string | null; extraMinutes?: number | null; scope?: AttemptScope | null },
  ): Promise<void> {
    await db
      .insertInto('attempts')
      .values({
        id: a.id,
        user_id: a.userId,
        kind: a.kind,
        exam: a.exam,
        profile: a.profile,
        feedback: a.feedback,
        status: 'open',
        seed: a.seed,
        started_ms: a.startedMs,
        deadline_ms: a.deadlineMs,
        submitted_ms: null,
        form: JSON.stringify(a.form),
        report: null,
        scaled: null,
        passed: null,
        target: a.target ?? null,
        accommodation: a.accommodation ?? null,
        extra_minutes: a.extraMinutes ?? null,
        scope: a.scope ? JSON.stringify(a.scope) : null,
        paused_remaining_ms: null,
      })
      .execute();
  },
  /** Adaptive attempts grow: the new form replaces the old one while the attempt is open. */
  async setForm(db: Db, id: string, form: StoredFormEntry[]): Promise<boolean> {
    const r = await db.updateTable('attempts').set({ form: JSON.stringify(form) }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async byId(db: Db, id: string): Promise<AttemptRecord | undefined> {
    const r = await db.selectFrom('attempts').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toRecord(r) : undefined;
  },
  async listByUser(db: Db, userId: string, opts: { exam?: string | undefined; limit?: number } = {}): Promise<AttemptRecord[]> {
    let q = db.selectFrom('attempts').selectAll().where('user_id', '=', userId);
    if (opts.exam !== undefined) q = q.where('exam', '=', opts.exam);
    const rows = await q.orderBy('started_ms', 'desc').limit(opts.limit ?? 50).execute();
    return rows.map(toRecord);
  },
  /**
   * How many times the user has been shown each item: every attempt counts, open ones included, since
   * an item is seen as soon as it is on a form the user can read.
   */
  async shownCounts(db: Db, userId: string): Promise<Map<string, number>> {
    const rows = await db.selectFrom('attempts').select('form').where('user_id', '=', userId).execute();
    const counts = new Map<string, number>();
    for (const r of rows) for (const e of JSON.parse(r.form) as StoredFormEntry[]) counts.set(e.itemId, (counts.get(e.itemId) ?? 0) + 1);
    return counts;
  },
  /** The items on the user's open mock exams: practice and the quick check must not reveal their keys. */
  /** The item ids of the latest attempts of a kind for an exam, newest first (exposure of the adaptive check). */
  async recentItemLists(db: Db, kind: string, exam: string, limit: number): Promise<string[][]> {
    const rows = await db.selectFrom('attempts').select('form').where('kind', '=', kind).where('exam', '=', exam).orderBy('started_ms', 'desc').limit(limit).execute();
    return rows.map((r) => (JSON.parse(r.form) as StoredFormEntry[]).map((e) => e.itemId));
  },
  /** The user's module quizzes for an exam (practice with `quiz` in its scope), newest first. */
  async quizzes(db: Db, userId: string, exam: string): Promise<AttemptRecord[]> {
    const rows = await db.selectFrom('attempts').selectAll().where('user_id', '=', userId).where('exam', '=', exam).where('kind', '=', 'practice').where('scope', 'like', '%"quiz":true%').orderBy('started_ms', 'desc').execute();
    return rows.map(toRecord);
  },
  /** The submitted module quizzes of these users (any exam), for the grades sent to course platforms. */
  async submittedQuizzes(db: Db, userIds: string[]): Promise<AttemptRecord[]> {
    if (!userIds.length) return [];
    const rows = await db.selectFrom('attempts').selectAll().where('user_id', 'in', userIds).where('kind', '=', 'practice').where('status', '=', 'submitted').where('scope', 'like', '%"quiz":true%').orderBy('started_ms', 'desc').execute();
    return rows.map(toRecord);
  },
  async openMockItems(db: Db, userId: string): Promise<Set<string>> {
    const rows = await db.selectFrom('attempts').select('form').where('user_id', '=', userId).where('kind', '=', 'mock').where('status', '=', 'open').execute();
    return new Set(rows.flatMap((r) => (JSON.parse(r.form) as StoredFormEntry[]).map((e) => e.itemId)));
  },
  async countOpen(db: Db, userId: string): Promise<number> {
    const r = await db.selectFrom('attempts').select(db.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('status', '=', 'open').executeTakeFirst();
    return Number(r?.n ?? 0);
  },
  /** Marks an open attempt submitted; false when another request got there first. */
  async submit(db: Db, id: string, s: { now: number; report: string | null; scaled: number | null; passed: boolean | null }): Promise<boolean> {
    const r = await db
      .updateTable('attempts')
      .set({ status: 'submitted', submitted_ms: s.now, report: s.report, scaled: s.scaled, passed: s.passed === null ? null : s.passed ? 1 : 0 })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  /**
   * Pauses a running timed practice: the time left is kept and the deadline cleared, so the clock
   * stops and nothing expires it. False when it is not open, not a timed practice, or already over.
   */
  async pause(db: Db, id: string, now: number): Promise<boolean> {
    const r = await db
      .updateTable('attempts')
      .set((eb) => ({ paused_remaining_ms: eb('deadline_ms', '-', now), deadline_ms: null }))
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where('kind', '=', 'practice')
      .where('deadline_ms', '>', now)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  /** Resumes a paused practice: a new deadline, the time left from now. False when it was not paused. */
  async resume(db: Db, id: string, now: number): Promise<boolean> {
    const r = await db
      .updateTable('attempts')
      .set((eb) => ({ deadline_ms: eb('paused_remaining_ms', '+', now), paused_remaining_ms: null }))
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where('paused_remaining_ms', 'is not', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  /** Marks an open attempt abandoned; false when it was no longer open. */
  async abandon(db: Db, id: string, now: number): Promise<boolean> {
    const r = await db.updateTable('attempts').set({ status: 'abandoned', submitted_ms: now }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async saveReport(db: Db, id: string, s: { report: string; scaled: number | null; passed: boolean | null }): Promise<void> {
    await db.updateTable('attempts').set({ report: s.report, scaled: s.scaled, passed: s.passed === null ? null : s.passed ? 1 : 0 }).where('id', '=', id).execute();
  },
  /** Open attempts whose deadline has passed: the server submits them even if the browser is gone. */
  async expired(db: Db, now: number, limit = 100, userId?: string): Promise<string[]> {
    let q = db.selectFrom('attempts').select('id').where('status', '=', 'open').where('deadline_ms', '<=', now);
    if (userId !== undefined) q = q.where('user_id', '=', userId);
    const rows = await q.orderBy('deadline_ms').limit(limit).execute();
    return rows.map((r) => r.id);
  },
};
