import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

/** The platform's settings, one value per key. */
export const appSettings = {
  async get(db: Db, key: string): Promise<string | undefined> {
    return (await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
  },
  async set(db: Db, key: string, value: string, now: number): Promise<void> {
    await db
      .insertInto('app_settings')
      .values({ key, value, updated_ms: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_ms: now }))
      .execute();
  },
  async delete(db: Db, key: string): Promise<boolean> {
    const r = await db.deleteFrom('app_settings').where('key', '=', key).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },
};
