import type { Kysely } from 'kysely';
import type { ItemNote } from '../../core/api/contracts.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

/** Bookmarks and personal notes, one row per user and question. */
export const itemNotes = {
  /** Saves a question's bookmark and note; neither left means no row at all. */
  async save(db: Db, userId: string, itemId: string, n: ItemNote, now: number): Promise<void> {
    if (!n.bookmarked && n.note === '') {
      await db.deleteFrom('item_notes').where('user_id', '=', userId).where('item_id', '=', itemId).execute();
      return;
    }
    const values = { bookmarked: n.bookmarked ? 1 : 0, note: n.note, updated_ms: now };
    await db
      .insertInto('item_notes')
      .values({ user_id: userId, item_id: itemId, ...values })
      .onConflict((oc) => oc.columns(['user_id', 'item_id']).doUpdateSet(values))
      .execute();
  },
  /** The user's notes on these questions, by item id. */
  async forItems(db: Db, userId: string, itemIds: string[]): Promise<Map<string, ItemNote>> {
    const out = new Map<string, ItemNote>();
    const unique = [...new Set(itemIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await db.selectFrom('item_notes').select(['item_id', 'bookmarked', 'note']).where('user_id', '=', userId).where('item_id', 'in', unique.slice(i, i + 500)).execute();
      for (const r of rows) out.set(r.item_id, { bookmarked: r.bookmarked === 1, note: r.note });
    }
    return out;
  },
  /** The questions the user bookmarked, most recently first. */
  async bookmarkedIds(db: Db, userId: string): Promise<string[]> {
    const rows = await db.selectFrom('item_notes').select('item_id').where('user_id', '=', userId).where('bookmarked', '=', 1).orderBy('updated_ms', 'desc').execute();
    return rows.map((r) => r.item_id);
  },
  async all(db: Db, userId: string): Promise<{ itemId: string; bookmarked: boolean; note: string; updatedMs: number }[]> {
    const rows = await db.selectFrom('item_notes').selectAll().where('user_id', '=', userId).orderBy('item_id').execute();
    return rows.map((r) => ({ itemId: r.item_id, bookmarked: r.bookmarked === 1, note: r.note, updatedMs: Number(r.updated_ms) }));
  },
};
