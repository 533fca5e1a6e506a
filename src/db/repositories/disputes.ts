import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;
export type DisputeRow = Database['item_disputes'];
export type ChangeRow = Database['item_changes'];
export type NoticeRow = Database['attempt_notices'];

/** Key disputes, the changelog of corrections, and the notices of re-scored attempts. */
export const disputes = {
  async insert(db: Db, row: DisputeRow): Promise<void> {
    await db.insertInto('item_disputes').values(row).execute();
  },
  async openOf(db: Db, userId: string, itemId: string): Promise<DisputeRow | undefined> {
    return db.selectFrom('item_disputes').selectAll().where('user_id', '=', userId).where('item_id', '=', itemId).where('status', '=', 'open').executeTakeFirst();
  },
  async countOpenOf(db: Db, userId: string): Promise<number> {
    const r = await db.selectFrom('item_disputes').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('status', '=', 'open').executeTakeFirst();
    return Number(r?.n ?? 0);
  },
  async ofUser(db: Db, userId: string): Promise<DisputeRow[]> {
    return db.selectFrom('item_disputes').selectAll().where('user_id', '=', userId).orderBy('created_ms', 'desc').execute();
  },
  async open(db: Db, itemId?: string): Promise<DisputeRow[]> {
    let q = db.selectFrom('item_disputes').selectAll().where('status', '=', 'open');
    if (itemId) q = q.where('item_id', '=', itemId);
    return q.orderBy('created_ms').execute();
  },
  /** Closes every open dispute of the item with one decision. */
  async resolveAll(db: Db, itemId: string, status: 'accepted' | 'rejected', resolution: string, by: string, now: number): Promise<number> {
    const r = await db.updateTable('item_disputes').set({ status, resolution, resolved_by: by, resolved_ms: now }).where('item_id', '=', itemId).where('status', '=', 'open').executeTakeFirst();
    return Number(r.numUpdatedRows);
  },
  async insertChange(db: Db, row: ChangeRow): Promise<void> {
    await db.insertInto('item_changes').values(row).execute();
  },
  async changes(db: Db): Promise<ChangeRow[]> {
    return db.selectFrom('item_changes').selectAll().orderBy('created_ms', 'desc').execute();
  },
  async insertNotice(db: Db, row: NoticeRow): Promise<void> {
    await db.insertInto('attempt_notices').values(row).execute();
  },
  async notices(db: Db, userId: string): Promise<(NoticeRow & { item_id: string; kind: string; summary: string })[]> {
    return db
      .selectFrom('attempt_notices')
      .innerJoin('item_changes', 'item_changes.id', 'attempt_notices.change_id')
      .selectAll('attempt_notices')
      .select(['item_changes.item_id', 'item_changes.kind', 'item_changes.summary'])
      .where('attempt_notices.user_id', '=', userId)
      .orderBy('attempt_notices.created_ms', 'desc')
      .execute();
  },
  async markSeen(db: Db, userId: string, now: number): Promise<void> {
    await db.updateTable('attempt_notices').set({ seen_ms: now }).where('user_id', '=', userId).where('seen_ms', 'is', null).execute();
  },
  /** The items among `itemIds` the user has met (on any form of theirs). */
  async seenItems(db: Db, userId: string): Promise<Set<string>> {
    const rows = await db.selectFrom('attempts').select('form').where('user_id', '=', userId).execute();
    return new Set(rows.flatMap((r) => (JSON.parse(r.form) as { itemId: string }[]).map((e) => e.itemId)));
  },
  /** Attempts whose form may hold the item (the text search narrows, `%` and `_` in an id only widen it; the caller checks the parsed form). */
  async attemptsWithItem(db: Db, itemId: string): Promise<{ id: string; status: string }[]> {
    return db.selectFrom('attempts').select(['id', 'status']).where('form', 'like', `%"itemId":"${itemId}"%`).execute();
  },
  /** A question's statistics beside it (dispute queue, draft editor): scored answers, share right, its calibrated a and d. */
  async itemStats(db: Db, itemId: string): Promise<{ responses: number; shareRight: number | null; calibrated: { a: number; d: number } | null }> {
    const r = await db.selectFrom('responses').select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('correct').as('right')]).where('item_id', '=', itemId).where('scored', '=', 1).executeTakeFirst();
    const params = await db.selectFrom('item_params').select(['a', 'd']).where('item_id', '=', itemId).orderBy('calibration_id', 'desc').executeTakeFirst();
    const responses = Number(r?.n ?? 0);
    return { responses, shareRight: responses ? Number(r?.right ?? 0) / responses : null, calibrated: params ? { a: Number(params.a), d: Number(params.d) } : null };
  },
};
