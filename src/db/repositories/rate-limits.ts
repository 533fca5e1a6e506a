import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

/** Fixed-window counters shared by every instance through the store. */
export const rateLimits = {
  /** The count in the current window (0 when the window has passed). */
  async count(db: Db, key: string, now: number, windowMs: number): Promise<{ count: number; resetMs: number }> {
    const r = await db.selectFrom('rate_limits').select(['window_start_ms', 'count']).where('key', '=', key).executeTakeFirst();
    if (!r || now - Number(r.window_start_ms) >= windowMs) return { count: 0, resetMs: now };
    return { count: r.count, resetMs: Number(r.window_start_ms) + windowMs };
  },
  /** Adds one to the key's counter, starting a new window when the last one has passed. */
  async add(db: Db, key: string, now: number, windowMs: number): Promise<void> {
    await db
      .insertInto('rate_limits')
      .values({ key, window_start_ms: now, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql`case when ${sql.ref('rate_limits.window_start_ms')} <= ${now - windowMs} then 1 else ${sql.ref('rate_limits.count')} + 1 end`,
          window_start_ms: sql`case when ${sql.ref('rate_limits.window_start_ms')} <= ${now - windowMs} then ${now} else ${sql.ref('rate_limits.window_start_ms')} end`,
        }),
      )
      .execute();
  },
  async clear(db: Db, key: string): Promise<void> {
    await db.deleteFrom('rate_limits').where('key', '=', key).execute();
  },
  /** Drops counters whose window ended before `before` (the table stays as small as the recent traffic). */
  async purge(db: Db, before: number): Promise<number> {
    const r = await db.deleteFrom('rate_limits').where('window_start_ms', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  },
};
