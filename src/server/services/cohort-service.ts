import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CohortList, CohortSummary, CohortView, CreateCohort, User } from '../../core/api/contracts.ts';
import { isoDay } from '../../core/util/iso-day.ts';
import { cohorts, type CohortRow } from '../../db/repositories/cohorts.ts';
import { users } from '../../db/repositories/users.ts';
import type { Database } from '../../db/schema.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import type { BankService } from './bank-service.ts';
import { normaliseCode, randomCode } from './random-code.ts';

/**
 * Cohorts: a tutor creates one for an exam version and shares its invite code; candidates join (a
 * candidate may be in several); its tutors see the roster and may remove a member. A cohort is the
 * business of its tutors only: to anyone else it does not exist (404), whatever their role.
 */
export class CohortService {
  constructor(private readonly deps: { db: Kysely<Database>; bank: BankService; now: () => number }) {}

  async create(tutor: User, body: CreateCohort): Promise<CohortView> {
    const exam = this.deps.bank.exam(body.exam);
    if (!exam) throw badRequest(`There is no exam "${body.exam}".`);
    const today = isoDay(this.deps.now());
    if (body.accessUntil !== null && body.accessUntil <= today) throw badRequest(`The end of access ${body.accessUntil} is not after today (${today}).`);
    if (body.examDate !== null && body.examDate < today) throw badRequest(`The exam date ${body.examDate} is before today (${today}).`);
    const id = randomUUID();
    await cohorts.insert(this.deps.db, { id, name: body.name, exam: exam.id, exam_date: body.examDate, access_until: body.accessUntil, invite_code: normaliseCode(randomCode(12)), created_by: tutor.id, created_ms: this.deps.now() });
    return this.view(tutor, id);
  }

  async list(user: User): Promise<CohortList> {
    const { db } = this.deps;
    const [teaching, member] = await Promise.all([cohorts.teaching(db, user.id), cohorts.memberOf(db, user.id)]);
    const counts = await cohorts.memberCounts(db, [...new Set([...teaching, ...member].map((c) => c.id))]);
    return { teaching: teaching.map((c) => summary(c, counts.get(c.id) ?? 0, true)), member: member.map((c) => summary(c, counts.get(c.id) ?? 0, false)) };
  }

  async view(user: User, id: string): Promise<CohortView> {
    const { db } = this.deps;
    const cohort = await this.taught(user, id);
    const [roster, tutors] = await Promise.all([cohorts.roster(db, id), cohorts.tutors(db, id)]);
    return { ...summary(cohort, roster.length, true), tutors, roster: roster.map((m) => ({ id: m.id, name: m.name, email: m.email, joinedAt: new Date(Number(m.joined_ms)).toISOString() })) };
  }

  /** A candidate joins with the invite code (again: nothing changes); refused once the cohort's access has ended. */
  async join(user: User, code: string): Promise<CohortSummary> {
    const { db, now } = this.deps;
    const cohort = await cohorts.byInviteCode(db, normaliseCode(code));
    if (!cohort) throw notFound('A cohort with this invite code');
    if (cohort.access_until !== null && cohort.access_until < isoDay(now())) throw conflict('cohort-closed', `The cohort "${cohort.name}" ended on ${cohort.access_until}: ask your tutor.`);
    await cohorts.addMember(db, cohort.id, user.id, now());
    return summary(cohort, (await cohorts.memberCounts(db, [cohort.id])).get(cohort.id) ?? 0, false);
  }

  async removeMember(tutor: User, id: string, memberId: string): Promise<CohortView> {
    await this.taught(tutor, id);
    if (!(await cohorts.removeMember(this.deps.db, id, memberId))) throw notFound('This member of the cohort');
    return this.view(tutor, id);
  }

  async leave(user: User, id: string): Promise<void> {
    if (!(await cohorts.removeMember(this.deps.db, id, user.id))) throw notFound('The cohort');
  }

  /** A new invite code: the old one stops working (a code shared too widely). */
  async newInvite(tutor: User, id: string): Promise<CohortView> {
    await this.taught(tutor, id);
    await cohorts.setInviteCode(this.deps.db, id, normaliseCode(randomCode(12)));
    return this.view(tutor, id);
  }

  /** Another tutor joins the cohort's tutors (someone with the tutor role, named by their email): they see what its tutors see. */
  async addTutor(tutor: User, id: string, email: string): Promise<CohortView> {
    const { db } = this.deps;
    await this.taught(tutor, id);
    const other = await users.byEmail(db, email.trim().toLowerCase());
    if (!other || !(other.roles.includes('tutor') || other.roles.includes('admin'))) throw badRequest(`No tutor has the email ${email.trim()}: an administrator gives the tutor role first.`);
    await cohorts.addTutor(db, id, other.id);
    return this.view(tutor, id);
  }

  private taught(user: User, id: string): Promise<CohortRow> {
    return taughtCohort(this.deps.db, user, id);
  }
}

/** The cohort, if `user` is one of its tutors; to anyone else, whatever their role, it is not found. */
export async function taughtCohort(db: Kysely<Database>, user: User, id: string): Promise<CohortRow> {
  const cohort = await cohorts.byId(db, id);
  if (!cohort || !(await cohorts.isTutor(db, id, user.id))) throw notFound('The cohort');
  return cohort;
}

function summary(c: CohortRow, members: number, tutor: boolean): CohortSummary {
  return { id: c.id, name: c.name, exam: c.exam, examDate: c.exam_date, accessUntil: c.access_until, members, ...(tutor ? { inviteCode: c.invite_code } : {}) };
}
