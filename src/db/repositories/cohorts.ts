import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;
export type CohortRow = Database['cohorts'];

/** Cohorts, their tutors and their members. */
export const cohorts = {
  async insert(db: Db, row: CohortRow): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('cohorts').values(row).execute();
      if (row.created_by) await trx.insertInto('cohort_tutors').values({ cohort_id: row.id, user_id: row.created_by }).execute();
    });
  },
  async byId(db: Db, id: string): Promise<CohortRow | undefined> {
    return db.selectFrom('cohorts').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async byInviteCode(db: Db, code: string): Promise<CohortRow | undefined> {
    return db.selectFrom('cohorts').selectAll().where('invite_code', '=', code).executeTakeFirst();
  },
  async setInviteCode(db: Db, id: string, code: string): Promise<void> {
    await db.updateTable('cohorts').set({ invite_code: code }).where('id', '=', id).execute();
  },
  async isTutor(db: Db, cohortId: string, userId: string): Promise<boolean> {
    return !!(await db.selectFrom('cohort_tutors').select('user_id').where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst());
  },
  async isMember(db: Db, cohortId: string, userId: string): Promise<boolean> {
    return !!(await db.selectFrom('cohort_members').select('user_id').where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst());
  },
  /** Adds a tutor to the cohort unless already one. */
  async addTutor(db: Db, cohortId: string, userId: string): Promise<void> {
    await db.insertInto('cohort_tutors').values({ cohort_id: cohortId, user_id: userId }).onConflict((oc) => oc.columns(['cohort_id', 'user_id']).doNothing()).execute();
  },
  /** Adds the member unless already in; true when added. */
  async addMember(db: Db, cohortId: string, userId: string, now: number): Promise<boolean> {
    const r = await db.insertInto('cohort_members').values({ cohort_id: cohortId, user_id: userId, joined_ms: now }).onConflict((oc) => oc.columns(['cohort_id', 'user_id']).doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },
  async removeMember(db: Db, cohortId: string, userId: string): Promise<boolean> {
    const r = await db.deleteFrom('cohort_members').where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },
  async teaching(db: Db, userId: string): Promise<CohortRow[]> {
    return db.selectFrom('cohorts').innerJoin('cohort_tutors', 'cohort_tutors.cohort_id', 'cohorts.id').selectAll('cohorts').where('cohort_tutors.user_id', '=', userId).orderBy('cohorts.created_ms', 'desc').execute();
  },
  async memberOf(db: Db, userId: string): Promise<CohortRow[]> {
    return db.selectFrom('cohorts').innerJoin('cohort_members', 'cohort_members.cohort_id', 'cohorts.id').selectAll('cohorts').where('cohort_members.user_id', '=', userId).orderBy('cohort_members.joined_ms', 'desc').execute();
  },
  async memberCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('cohort_members').select(['cohort_id', (eb) => eb.fn.countAll<number>().as('n')]).where('cohort_id', 'in', ids).groupBy('cohort_id').execute();
    return new Map(rows.map((r) => [r.cohort_id, Number(r.n)]));
  },
  async roster(db: Db, cohortId: string): Promise<{ id: string; name: string; email: string; joined_ms: number }[]> {
    return db
      .selectFrom('cohort_members')
      .innerJoin('users', 'users.id', 'cohort_members.user_id')
      .select(['users.id', 'users.name', 'users.email', 'cohort_members.joined_ms'])
      .where('cohort_members.cohort_id', '=', cohortId)
      .orderBy('users.name')
      .execute();
  },
  async tutors(db: Db, cohortId: string): Promise<{ id: string; name: string }[]> {
    return db.selectFrom('cohort_tutors').innerJoin('users', 'users.id', 'cohort_tutors.user_id').select(['users.id', 'users.name']).where('cohort_tutors.cohort_id', '=', cohortId).orderBy('users.name').execute();
  },
};
