import type { Kysely } from 'kysely';
import type { User } from '../../core/api/contracts.ts';
import type { Database } from '../schema.ts';
import { toUser } from './users.ts';

type Db = Kysely<Database>;

export const sessions = {
  async insert(db: Db, s: { id: string; userId: string; now: number; expires: number }): Promise<void> {
    await db.insertInto('sessions').values({ id: s.id, user_id: s.userId, created_ms: s.now, expires_ms: s.expires }).execute();
  },
  /** The session's user, or `expired` when the session exists but has run out. */
  async find(db: Db, id: string, now: number): Promise<{ user: User } | 'expired' | undefined> {
    const r = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.email', 'users.name', 'users.locale', 'users.exam', 'users.exam_date', 'sessions.expires_ms'])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
    if (!r) return undefined;
    if (r.expires_ms <= now) return 'expired';
    return { user: toUser(r) };
  },
  async delete(db: Db, id: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },
  async deleteExpired(db: Db, now: number): Promise<void> {
    await db.deleteFrom('sessions').where('expires_ms', '<=', now).execute();
  },
};
