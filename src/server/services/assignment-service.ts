import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CohortAssignment, MyAssignment, ProjectGrade, User } from '../../core/api/contracts.ts';
import type { Project } from '../../core/projects/project-schema.ts';
import { assignmentState, type AssignmentSpec, type AssignmentState, type MemberWork } from '../../core/cohorts/assignment-state.ts';
import { quizPassed } from '../../core/lessons/study-report.ts';
import { isoDay } from '../../core/util/iso-day.ts';
import { attempts } from '../../db/repositories/attempts.ts';
import { cohorts } from '../../db/repositories/cohorts.ts';
import { projectSubmissions } from '../../db/repositories/project-submissions.ts';
import type { Database } from '../../db/schema.ts';
import { badRequest, notFound } from '../errors.ts';
import type { BankService } from './bank-service.ts';
import { assignmentTitles, defaultTitles } from './assignment-titles.ts';
import { taughtCohort } from './cohort-service.ts';
import { quizScore } from './study-service.ts';

type Row = Database['assignments'];
const toState = (s: AssignmentState) => (s.state === 'done' ? { state: 'done' as const, doneAt: new Date(s.doneMs).toISOString() } : s);

/**
 * Assignments: a cohort's tutors set a module, a practice set, a mock exam or a project, with an optional due day;
 * each member sees theirs with its state (to do, done, late), the tutors every member's. What counts as
 * done: `assignmentState`. Only what the assignment needs is read of a member's work.
 */
export class AssignmentService {
  constructor(private readonly deps: { db: Kysely<Database>; bank: BankService; projects: readonly Project[]; now: () => number }) {}

  async create(tutor: User, cohortId: string, body: { spec: AssignmentSpec; title?: string | undefined; dueOn: string | null }): Promise<CohortAssignment> {
    const { db, now } = this.deps;
    const cohort = await taughtCohort(db, tutor, cohortId);
    const exam = this.deps.bank.exam(cohort.exam);
    if (!exam) throw badRequest(`The cohort's exam "${cohort.exam}" is not served here.`);
    const { spec } = body;
    const problem = specProblem(spec, exam, this.deps.projects);
    if (problem) throw badRequest(problem);
    const today = isoDay(now());
    if (body.dueOn !== null && body.dueOn < today) throw badRequest(`The due day ${body.dueOn} is before today (${today}).`);
    const id = randomUUID();
    await db.insertInto('assignments').values({ id, cohort_id: cohortId, title: body.title || defaultTitles(spec, exam, this.deps.projects).en, spec: JSON.stringify(spec), due_on: body.dueOn, created_by: tutor.id, created_ms: now() }).execute();
    return (await this.forCohort(tutor, cohortId)).find((a) => a.id === id)!;
  }

  /** The cohort's assignments, newest first, each with every member's state (its tutors only). */
  async forCohort(tutor: User, cohortId: string): Promise<CohortAssignment[]> {
    const { db, now } = this.deps;
    const cohort = await taughtCohort(db, tutor, cohortId);
    const rows = await db.selectFrom('assignments').selectAll().where('cohort_id', '=', cohortId).orderBy('created_ms', 'desc').orderBy('id').execute();
    const roster = await cohorts.roster(db, cohortId);
    const works = new Map(await Promise.all(roster.map(async (m) => [m.id, await this.work(m.id, cohort.exam)] as const)));
    const today = isoDay(now());
    const exam = this.deps.bank.exam(cohort.exam);
    return rows.map((r) => {
      const spec = JSON.parse(r.spec) as AssignmentSpec;
      const members = roster.map((m) => ({ id: m.id, name: m.name, status: toState(assignmentState(spec, Number(r.created_ms), r.due_on, today, works.get(m.id)!)) }));
      return { ...this.view(r, spec, exam), setAt: new Date(Number(r.created_ms)).toISOString(), done: members.filter((m) => m.status.state === 'done').length, late: members.filter((m) => m.status.state === 'late').length, members };
    });
  }

  /** The candidate's assignments from all their cohorts (of `exam` when given), due first. */
  async mine(user: User, exam?: string): Promise<MyAssignment[]> {
    const { db, now } = this.deps;
    const memberOf = (await cohorts.memberOf(db, user.id)).filter((c) => !exam || c.exam === exam);
    if (memberOf.length === 0) return [];
    const rows = await db.selectFrom('assignments').selectAll().where('cohort_id', 'in', memberOf.map((c) => c.id)).execute();
    const works = new Map<string, MemberWork>();
    for (const e of new Set(memberOf.map((c) => c.exam))) works.set(e, await this.work(user.id, e));
    const today = isoDay(now());
    return rows
      .map((r) => {
        const cohort = memberOf.find((c) => c.id === r.cohort_id)!;
        const spec = JSON.parse(r.spec) as AssignmentSpec;
        return { ...this.view(r, spec, this.deps.bank.exam(cohort.exam)), cohort: { id: cohort.id, name: cohort.name }, exam: cohort.exam, status: toState(assignmentState(spec, Number(r.created_ms), r.due_on, today, works.get(cohort.exam)!)) };
      })
      .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.title.localeCompare(b.title));
  }

  async remove(tutor: User, cohortId: string, assignmentId: string): Promise<void> {
    const { db } = this.deps;
    await taughtCohort(db, tutor, cohortId);
    const r = await db.deleteFrom('assignments').where('id', '=', assignmentId).where('cohort_id', '=', cohortId).executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) throw notFound('The assignment');
  }

  private view(r: Row, spec: AssignmentSpec, exam: ReturnType<BankService['exam']>) {
    return { id: r.id, ...assignmentTitles(r.title, spec, exam, this.deps.projects), spec, dueOn: r.due_on };
  }

  /** What of a member's work an assignment looks at: their submitted attempts of the exam, and the module quizzes they passed. */
  private async work(userId: string, exam: string): Promise<MemberWork> {
    const submitted = (await attempts.listByUser(this.deps.db, userId, { exam, limit: Number.MAX_SAFE_INTEGER })).filter((a) => a.status === 'submitted');
    const passedModules = new Map<number, number>();
    for (const a of submitted) {
      const module = a.scope?.quiz ? a.scope.modules?.[0] : undefined;
      const score = quizScore(a);
      if (module !== undefined && score && quizPassed(score.correct, score.asked)) passedModules.set(module, Math.min(passedModules.get(module) ?? Infinity, a.submittedMs ?? a.startedMs));
    }
    const metProjects = new Map<string, number>();
    for (const s of await projectSubmissions.ofUser(this.deps.db, userId)) {
      if (s.grade && (JSON.parse(s.grade) as ProjectGrade).meets) metProjects.set(s.project_id, Math.min(metProjects.get(s.project_id) ?? Infinity, Number(s.created_ms)));
    }
    return { attempts: submitted.map((a) => ({ kind: a.kind, profile: a.profile, scope: a.scope, target: a.target, startedMs: a.startedMs, submittedMs: a.submittedMs ?? a.startedMs })), passedModules, metProjects };
  }
}

/** What is wrong with an assignment for this exam, if anything: a module, domain, task, skill or profile it does not have. */
function specProblem(spec: AssignmentSpec, exam: NonNullable<ReturnType<BankService['exam']>>, projects: readonly Project[]): string | undefined {
  if (spec.kind === 'project') return projects.some((p) => p.id === spec.project && p.exams[exam.id]) ? undefined : `${exam.code} has no project "${spec.project}".`;
  if (spec.kind === 'module') return exam.modules.some((m) => m.id === spec.module && m.kind !== 'mock') ? undefined : `${exam.code} has no module ${spec.module}.`;
  if (spec.kind === 'mock') return exam.profiles[spec.profile] ? undefined : `${exam.code} has no mock profile "${spec.profile}".`;
  const domains = new Set(exam.domains.map((d) => d.id));
  const tasks = new Set(exam.domains.flatMap((d) => d.tasks.map((t) => t.id)));
  const skills = new Set(exam.domains.flatMap((d) => d.tasks.flatMap((t) => [...t.knowledge, ...t.skills].map((b) => b.id))));
  const bad = [...(spec.domains ?? []).filter((d) => !domains.has(d)).map((d) => `domain ${d}`), ...(spec.tasks ?? []).filter((x) => !tasks.has(x)).map((x) => `task ${x}`), ...(spec.skills ?? []).filter((x) => !skills.has(x)).map((x) => `skill ${x}`)];
  return bad.length ? `${exam.code} has no ${bad.join(', ')}.` : undefined;
}
