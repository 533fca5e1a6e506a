import type { Kysely } from 'kysely';
import type { CohortBoard, User } from '../../core/api/contracts.ts';
import { csvField } from '../../core/util/csv-field.ts';
import { cohorts } from '../../db/repositories/cohorts.ts';
import { users } from '../../db/repositories/users.ts';
import type { Database } from '../../db/schema.ts';
import type { AssignmentService } from './assignment-service.ts';
import { taughtCohort } from './cohort-service.ts';
import type { ProgressService } from './progress-service.ts';

const DAY_MS = 86_400_000;
/** No activity for this long puts a member on the at-risk list. */
export const INACTIVE_DAYS = 7;
/** Readiness under this probability of passing, with the cohort's exam this close, puts a member on it too. */
export const AT_RISK_PASS_PROBABILITY = 0.5;
export const AT_RISK_EXAM_WITHIN_DAYS = 30;

/**
 * The tutor's view of a cohort: each member's mastery per domain, readiness (predicted score and
 * probability of passing, once there is enough evidence), activity (last active, time this week),
 * assignments done and late, and why they may be at risk. Read only by the cohort's own tutors.
 */
export class CohortBoardService {
  constructor(private readonly deps: { db: Kysely<Database>; progress: ProgressService; assignments: AssignmentService; now: () => number }) {}

  async board(tutor: User, cohortId: string): Promise<CohortBoard> {
    const { db, now } = this.deps;
    const cohort = await taughtCohort(db, tutor, cohortId);
    const roster = await cohorts.roster(db, cohortId);
    const assignments = await this.deps.assignments.forCohort(tutor, cohortId);
    const examSoon = cohort.exam_date !== null && Date.parse(`${cohort.exam_date}T00:00:00Z`) - now() <= AT_RISK_EXAM_WITHIN_DAYS * DAY_MS;
    const members = [];
    for (const m of roster) {
      const user = await users.byId(db, m.id);
      if (!user) continue;
      const p = await this.deps.progress.progress(user, cohort.exam);
      const times = p.attempts.flatMap((a) => [Date.parse(a.startedAt), a.submittedAt ? Date.parse(a.submittedAt) : 0]);
      const lastMs = times.length ? Math.max(...times) : null;
      const mine = assignments.map((a) => a.members.find((x) => x.id === m.id)?.status.state);
      const readiness = p.readiness.state === 'estimate' ? { scaled: p.readiness.scaled, passProbability: p.readiness.passProbability } : null;
      const atRisk: CohortBoard['members'][number]['atRisk'] = [];
      if (examSoon && (readiness === null || readiness.passProbability < AT_RISK_PASS_PROBABILITY)) atRisk.push('low-readiness');
      if (now() - (lastMs ?? Number(m.joined_ms)) > INACTIVE_DAYS * DAY_MS) atRisk.push('inactive');
      if (mine.includes('late')) atRisk.push('late');
      members.push({
        id: m.id,
        name: m.name,
        email: m.email,
        lastActive: lastMs ? new Date(lastMs).toISOString() : null,
        weekMs: p.studyWeeks.at(-1)?.ms ?? 0,
        answered: p.answered,
        domains: p.domains.map((d) => ({ id: d.id, answered: d.answered, mastery: d.mastery })),
        tasks: p.studyNext.map((x) => ({ id: x.task, answered: x.answered, mastery: x.mastery })).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true })),
        readiness,
        assignments: { done: mine.filter((s) => s === 'done').length, late: mine.filter((s) => s === 'late').length, total: assignments.length },
        atRisk,
      });
    }
    return { cohort: { id: cohort.id, name: cohort.name, exam: cohort.exam, examDate: cohort.exam_date }, members };
  }

  /** The board as CSV, one row per member, for a spreadsheet or the provider's records. */
  async csv(tutor: User, cohortId: string): Promise<string> {
    const b = await this.board(tutor, cohortId);
    const domains = b.members[0]?.domains.map((d) => d.id) ?? [];
    const tasks = b.members[0]?.tasks.map((x) => x.id) ?? [];
    const header = ['name', 'email', 'last_active', 'hours_this_week', 'answered', 'predicted_score', 'pass_probability', ...domains.map((d) => `domain_${d}_mastery`), ...tasks.map((x) => `task_${x}_mastery`), 'assignments_done', 'assignments_late', 'assignments_total', 'at_risk'];
    const rows = b.members.map((m) => [
      m.name,
      m.email,
      m.lastActive ?? '',
      (m.weekMs / 3_600_000).toFixed(1),
      m.answered,
      m.readiness ? Math.round(m.readiness.scaled) : '',
      m.readiness ? m.readiness.passProbability.toFixed(2) : '',
      ...m.domains.map((d) => (d.answered ? d.mastery.toFixed(2) : '')),
      ...m.tasks.map((x) => (x.answered ? x.mastery.toFixed(2) : '')),
      m.assignments.done,
      m.assignments.late,
      m.assignments.total,
      m.atRisk.join(' '),
    ]);
    return [header, ...rows].map((r) => r.map((v) => csvField(v)).join(',')).join('\r\n') + '\r\n';
  }
}
