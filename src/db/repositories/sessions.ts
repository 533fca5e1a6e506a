import type { Kysely } from 'kysely';
import type { User } from '../../core/api/contracts.ts';
import type { Database } from '../schema.ts';
import { toUser } from './users.ts';

type Db = Kysely<Database>;

export const sessions = {
  async insert(db: Db, s: { id: string; userId: string; now: number; expires: number }): Promise<void> {
    await db.insertInto('sessions').values({ id: s.id, user_id: s.userId, created_ms: s.now, expires_ms: s.expires, last_seen_ms: s.now }).execute();
  },
  /**
   * The session's user and its last activity, or `expired` when the session has run out: past its
   * lifetime, or idle longer than `idleMs` while its user has no timed attempt still running (a
   * candidate reading a long mock is not idle).
   */
  async find(db: Db, id: string, now: number, idleMs: number): Promise<{ user: User; lastSeenMs: number } | 'expired' | undefined> {
    const r = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.email', 'users.name', 'users.locale', 'users.exam', 'users.exam_date', 'users.theme', 'users.calibration_consent', 'users.roles', 'sessions.expires_ms', 'sessions.created_ms', 'sessions.last_seen_ms'])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
    if (!r) return undefined;
    if (Number(r.expires_ms) <= now) return 'expired';
    const lastSeenMs = Math.max(Number(r.last_seen_ms), Number(r.created_ms));
    if (now - lastSeenMs > idleMs) {
      const running = await db.selectFrom('attempts').select('id').where('user_id', '=', r.id).where('status', '=', 'open').where('deadline_ms', '>', now).limit(1).executeTakeFirst();
      if (!running) return 'expired';
    }
    return { user: toUser(r), lastSeenMs };
  },
  /** Records activity on a session (the caller writes at most every few minutes). */
  async touch(db: Db, id: string, now: number): Promise<void> {
    await db.updateTable('sessions').set({ last_seen_ms: now }).where('id', '=', id).execute();
  },
  async delete(db: Db, id: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },
  /** "Sign out everywhere": every session of the user, but `except` (a session id) when given. */
  async deleteForUser(db: Db, userId: string, opts: { except?: string } = {}): Promise<number> {
    let q = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (opts.except) q = q.where('id', '!=', opts.except);
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows);
  },
  /** Purges sessions past their lifetime, or idle for longer than `idleMs` (those can no longer be used, bar a running mock, long over by then). */
  async deleteExpired(db: Db, now: number, idleMs: number): Promise<number> {
    const r = await db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_ms', '<=', now), eb.and([eb('last_seen_ms', '<', now - idleMs), eb('created_ms', '<', now - idleMs)])]))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },
};
