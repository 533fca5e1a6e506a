import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;
export type PostRow = Database['item_posts'];

/** Discussions under questions: posts, locks, and who shares a cohort with whom. */
export const discussions = {
  async posts(db: Db, itemId: string): Promise<(PostRow & { name: string })[]> {
    return db.selectFrom('item_posts').innerJoin('users', 'users.id', 'item_posts.user_id').selectAll('item_posts').select('users.name').where('item_posts.item_id', '=', itemId).orderBy('item_posts.created_ms').execute();
  },
  async post(db: Db, id: string): Promise<PostRow | undefined> {
    return db.selectFrom('item_posts').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insert(db: Db, row: PostRow): Promise<void> {
    await db.insertInto('item_posts').values(row).execute();
  },
  async setHidden(db: Db, id: string, by: string | null, now: number | null): Promise<void> {
    await db.updateTable('item_posts').set({ hidden_by: by, hidden_ms: now }).where('id', '=', id).execute();
  },
  async locked(db: Db, itemId: string): Promise<boolean> {
    return !!(await db.selectFrom('item_threads').select('item_id').where('item_id', '=', itemId).executeTakeFirst());
  },
  async setLocked(db: Db, itemId: string, by: string, now: number, locked: boolean): Promise<void> {
    if (!locked) await db.deleteFrom('item_threads').where('item_id', '=', itemId).execute();
    else await db.insertInto('item_threads').values({ item_id: itemId, locked_by: by, locked_ms: now }).onConflict((oc) => oc.column('item_id').doNothing()).execute();
  },
  /** The people who share a cohort with the user (as members or tutors), the user included. */
  async cohortPeers(db: Db, userId: string): Promise<Set<string>> {
    const mine = db.selectFrom('cohort_members').select('cohort_id').where('user_id', '=', userId).union(db.selectFrom('cohort_tutors').select('cohort_id').where('user_id', '=', userId));
    const [members, tutors] = await Promise.all([
      db.selectFrom('cohort_members').select('user_id').where('cohort_id', 'in', mine).execute(),
      db.selectFrom('cohort_tutors').select('user_id').where('cohort_id', 'in', mine).execute(),
    ]);
    return new Set([userId, ...members.map((r) => r.user_id), ...tutors.map((r) => r.user_id)]);
  },
  /** Whether the user answered the question (a response recorded for it). */
  async answered(db: Db, userId: string, itemId: string): Promise<boolean> {
    return !!(await db.selectFrom('responses').select('item_id').where('user_id', '=', userId).where('item_id', '=', itemId).executeTakeFirst());
  },
};
