import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export const reviewCards = {
  async byUser(db: Db, userId: string, itemIds: string[]): Promise<Map<string, string>> {
    if (itemIds.length === 0) return new Map();
    const rows = await db.selectFrom('review_cards').select(['item_id', 'card']).where('user_id', '=', userId).where('item_id', 'in', itemIds).execute();
    return new Map(rows.map((r) => [r.item_id, r.card]));
  },
  async upsert(db: Db, c: { userId: string; itemId: string; card: string; dueMs: number; lapses: number; now: number }): Promise<void> {
    const values = { card: c.card, due_ms: c.dueMs, lapses: c.lapses, updated_ms: c.now };
    await db
      .insertInto('review_cards')
      .values({ user_id: c.userId, item_id: c.itemId, ...values })
      .onConflict((oc) => oc.columns(['user_id', 'item_id']).doUpdateSet(values))
      .execute();
  },
  /** Items due for review, most overdue first. */
  async due(db: Db, userId: string, now: number, limit = 100): Promise<string[]> {
    const rows = await db.selectFrom('review_cards').select('item_id').where('user_id', '=', userId).where('due_ms', '<=', now).orderBy('due_ms').limit(limit).execute();
    return rows.map((r) => r.item_id);
  },
};
