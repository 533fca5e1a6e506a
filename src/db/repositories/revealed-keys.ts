import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

/** When each user first saw each item's key. */
export const revealedKeys = {
  /** Of `itemIds`, those whose key the user had seen before `beforeMs`. */
  async seenBefore(db: Db, userId: string, itemIds: string[], beforeMs: number): Promise<Set<string>> {
    if (itemIds.length === 0) return new Set();
    const rows = await db.selectFrom('revealed_keys').select('item_id').where('user_id', '=', userId).where('item_id', 'in', itemIds).where('revealed_ms', '<', beforeMs).execute();
    return new Set(rows.map((r) => r.item_id));
  },
  /** Records the first time the user saw these keys (a later sight changes nothing). */
  async record(db: Db, userId: string, itemIds: string[], now: number): Promise<void> {
    for (let i = 0; i < itemIds.length; i += 200) {
      const chunk = [...new Set(itemIds.slice(i, i + 200))];
      await db
        .insertInto('revealed_keys')
        .values(chunk.map((itemId) => ({ user_id: userId, item_id: itemId, revealed_ms: now })))
        .onConflict((oc) => oc.columns(['user_id', 'item_id']).doNothing())
        .execute();
    }
  },
};
