import type { Kysely } from 'kysely';
import type { LtiGrade } from '../../core/api/contracts.ts';
import type { Database } from '../../db/schema.ts';
import { currentGrades, gradeKey } from './current-grades.ts';
import { SCOPE } from './lti-claims.ts';
import type { FetchLike } from './platform-keys.ts';
import type { ServiceTokens } from './service-token.ts';

/** Waits before the n-th retry of a grade the platform did not take: 1, 2, 4 … minutes, at most an hour. */
export const retryDelayMs = (tries: number) => Math.min(3_600_000, 60_000 * 2 ** Math.max(0, tries - 1));

/**
 * Grades back to the course (LTI Assignment and Grade Services 2.0). For every resource link with a grade
 * column and every learner who launched it, the grade is read from the store as it stands (a mock's latest
 * scaled score, a module quiz's best score, a project's latest grade, or "submitted, awaiting grading" for a
 * project not graded yet); a grade that changed (a new attempt, a project graded, or a re-score after an
 * accepted key dispute) is sent again. Failures are kept, retried with a growing
 * delay, and shown to the course's tutors.
 */
export class GradePassback {
  constructor(private readonly deps: { db: Kysely<Database>; now: () => number; fetch: FetchLike; tokens: ServiceTokens }) {}

  /** Reads every graded link's grades, records those that changed, and sends what is due. */
  async sync(): Promise<{ sent: number; failed: number }> {
    await this.refresh();
    return this.sendDue();
  }

  async refresh(): Promise<void> {
    const { db, now } = this.deps;
    const rows = await db
      .selectFrom('lti_link_users')
      .innerJoin('lti_links', 'lti_links.id', 'lti_link_users.link_id')
      .innerJoin('lti_contexts', 'lti_contexts.id', 'lti_links.context_pk')
      .innerJoin('cohorts', 'cohorts.id', 'lti_contexts.cohort_id')
      .leftJoin('lti_grades', (j) => j.onRef('lti_grades.link_id', '=', 'lti_link_users.link_id').onRef('lti_grades.user_id', '=', 'lti_link_users.user_id'))
      .select(['lti_link_users.link_id', 'lti_link_users.user_id', 'lti_links.target', 'cohorts.exam', 'lti_grades.score_given', 'lti_grades.score_max', 'lti_grades.grading_progress'])
      .where('lti_links.lineitem_url', 'is not', null)
      .execute();
    const grades = await currentGrades(db, rows.map((r) => ({ userId: r.user_id, target: r.target, exam: r.exam })));
    for (const r of rows) {
      const grade = grades.get(gradeKey({ userId: r.user_id, target: r.target, exam: r.exam }));
      if (!grade || (r.score_given !== null && Number(r.score_given) === grade.given && Number(r.score_max) === grade.max && r.grading_progress === grade.progress)) continue;
      const row = { score_given: grade.given, score_max: grade.max, grading_progress: grade.progress, status: 'pending', tries: 0, error: null, next_try_ms: now(), sent_ms: null };
      await db.insertInto('lti_grades').values({ link_id: r.link_id, user_id: r.user_id, ...row }).onConflict((oc) => oc.columns(['link_id', 'user_id']).doUpdateSet(row)).execute();
    }
  }

  async sendDue(): Promise<{ sent: number; failed: number }> {
    const { db, now } = this.deps;
    const due = await db
      .selectFrom('lti_grades')
      .innerJoin('lti_links', 'lti_links.id', 'lti_grades.link_id')
      .innerJoin('lti_link_users', (j) => j.onRef('lti_link_users.link_id', '=', 'lti_grades.link_id').onRef('lti_link_users.user_id', '=', 'lti_grades.user_id'))
      .innerJoin('lti_contexts', 'lti_contexts.id', 'lti_links.context_pk')
      .innerJoin('lti_platforms', 'lti_platforms.id', 'lti_contexts.platform_id')
      .select(['lti_grades.link_id', 'lti_grades.user_id', 'lti_grades.score_given', 'lti_grades.score_max', 'lti_grades.grading_progress', 'lti_grades.tries', 'lti_grades.next_try_ms', 'lti_links.lineitem_url', 'lti_link_users.subject', 'lti_platforms.id as platform_id', 'lti_platforms.client_id', 'lti_platforms.token_url'])
      .where('lti_grades.status', '!=', 'sent')
      .where('lti_grades.next_try_ms', '<=', now())
      .execute();
    let sent = 0;
    let failed = 0;
    for (const g of due) {
      // Claimed by moving its next try: another instance running the same sweep skips it.
      const claim = await db.updateTable('lti_grades').set({ next_try_ms: now() + 120_000 }).where('link_id', '=', g.link_id).where('user_id', '=', g.user_id).where('next_try_ms', '=', g.next_try_ms).where('status', '!=', 'sent').executeTakeFirst();
      if (Number(claim.numUpdatedRows) !== 1) continue;
      try {
        await this.post(g);
        await db.updateTable('lti_grades').set({ status: 'sent', error: null, sent_ms: now(), tries: Number(g.tries) + 1 }).where('link_id', '=', g.link_id).where('user_id', '=', g.user_id).where('score_given', '=', g.score_given).where('grading_progress', '=', g.grading_progress).execute();
        sent++;
      } catch (e) {
        const tries = Number(g.tries) + 1;
        await db.updateTable('lti_grades').set({ status: 'failed', tries, error: (e instanceof Error ? e.message : String(e)).slice(0, 500), next_try_ms: now() + retryDelayMs(tries) }).where('link_id', '=', g.link_id).where('user_id', '=', g.user_id).where('score_given', '=', g.score_given).where('grading_progress', '=', g.grading_progress).execute();
        failed++;
      }
    }
    return { sent, failed };
  }

  /** The grades of a cohort's course, for its tutors (the caller checked that the user teaches it). */
  async forCohort(cohortId: string): Promise<LtiGrade[]> {
    const rows = await this.deps.db
      .selectFrom('lti_grades')
      .innerJoin('lti_links', 'lti_links.id', 'lti_grades.link_id')
      .innerJoin('lti_contexts', 'lti_contexts.id', 'lti_links.context_pk')
      .innerJoin('users', 'users.id', 'lti_grades.user_id')
      .select(['users.name', 'lti_links.title', 'lti_grades.score_given', 'lti_grades.score_max', 'lti_grades.grading_progress', 'lti_grades.status', 'lti_grades.tries', 'lti_grades.error', 'lti_grades.sent_ms'])
      .where('lti_contexts.cohort_id', '=', cohortId)
      .orderBy('lti_grades.status')
      .orderBy('users.name')
      .execute();
    return rows.map((r) => ({
      member: r.name,
      activity: r.title,
      ...(r.grading_progress === 'PendingManual' ? { scoreGiven: null, scoreMaximum: null } : { scoreGiven: Number(r.score_given), scoreMaximum: Number(r.score_max) }),
      status: r.status as LtiGrade['status'], tries: Number(r.tries), error: r.error, sentAt: r.sent_ms === null ? null : new Date(Number(r.sent_ms)).toISOString() }));
  }

  private async post(g: { lineitem_url: string | null; subject: string; score_given: number; score_max: number; grading_progress: string; platform_id: string; client_id: string; token_url: string }) {
    const token = await this.deps.tokens.token({ id: g.platform_id, client_id: g.client_id, token_url: g.token_url }, [SCOPE.score]);
    const url = new URL(g.lineitem_url!);
    url.pathname = `${url.pathname.replace(/\/$/, '')}/scores`;
    const timestamp = new Date(this.deps.now()).toISOString();
    // Awaiting a grader: no score (a platform would record a 0), the work shown as submitted.
    const score =
      g.grading_progress === 'PendingManual'
        ? { userId: g.subject, activityProgress: 'Submitted', gradingProgress: 'PendingManual', timestamp }
        : { userId: g.subject, scoreGiven: Number(g.score_given), scoreMaximum: Number(g.score_max), activityProgress: 'Completed', gradingProgress: 'FullyGraded', timestamp };
    const res = await this.deps.fetch(url.href, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.ims.lis.v1.score+json' }, body: JSON.stringify(score), signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`the platform refused the grade: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  }
}
