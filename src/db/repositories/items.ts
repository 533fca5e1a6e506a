import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { entryExams } from '../../core/items/exam-tags.ts';
import type { BankEntry } from '../../core/items/item-schema.ts';
import { upgradeEntry } from '../../core/items/upgrade-entry.ts';
import { stableJson } from '../../core/util/stable-json.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export function contentHash(entry: BankEntry): string {
  return createHash('sha256').update(stableJson(entry)).digest('hex');
}

export interface StoredEntry {
  entry: BankEntry;
  versionId: string;
}

export interface LoadSummary {
  added: number;
  changed: number;
  unchanged: number;
  retired: number;
}

export const items = {
  /**
   * Loads entries into a collection idempotently, keyed by item id and content hash: an unchanged
   * entry writes nothing, a changed one gets a new version (old versions stay, since responses
   * point to them), and with `retireMissing` entries no longer present are deactivated. "Unchanged"
   * compares with what was last loaded from the files (`content_hash`), so a correction made in the
   * app (a newer current version) stays until the file itself changes.
   * Runs in the caller's transaction.
   */
  async load(db: Db, collection: string, entries: BankEntry[], now: number, opts: { retireMissing?: boolean } = {}): Promise<LoadSummary> {
    const current = new Map(
      (await db.selectFrom('items').innerJoin('item_versions', 'item_versions.id', 'items.version_id').select(['items.item_id', 'item_versions.hash', 'items.content_hash', 'items.active']).where('items.collection', '=', collection).execute()).map((r) => [r.item_id, r]),
    );
    const summary: LoadSummary = { added: 0, changed: 0, unchanged: 0, retired: 0 };
    for (const entry of entries) {
      const hash = contentHash(entry);
      const existing = current.get(entry.id);
      current.delete(entry.id);
      if (existing && (existing.content_hash ?? existing.hash) === hash && existing.active === 1) {
        summary.unchanged++;
        continue;
      }
      const versionId = `${collection}:${entry.id}@${hash.slice(0, 16)}`;
      await db
        .insertInto('item_versions')
        .values({ id: versionId, item_id: entry.id, collection, hash, content: JSON.stringify(entry), created_ms: now })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await db
        .insertInto('items')
        .values({ collection, item_id: entry.id, version_id: versionId, type: entry.type, exams: JSON.stringify(entryExams(entry) ?? []), active: 1, updated_ms: now, content_hash: hash })
        .onConflict((oc) => oc.columns(['collection', 'item_id']).doUpdateSet({ version_id: versionId, type: entry.type, exams: JSON.stringify(entryExams(entry) ?? []), active: 1, updated_ms: now, content_hash: hash }))
        .execute();
      if (existing) summary.changed++;
      else summary.added++;
    }
    if (opts.retireMissing) {
      const gone = [...current.values()].filter((r) => r.active === 1).map((r) => r.item_id);
      if (gone.length > 0) {
        await db.updateTable('items').set({ active: 0, updated_ms: now }).where('collection', '=', collection).where('item_id', 'in', gone).execute();
        summary.retired = gone.length;
      }
    }
    return summary;
  },

  /**
   * Makes `entry` the current version of its item in a collection (added when new), leaving the file's hash
   * (`content_hash`) as it was: a version written in the app stays current until the content file changes.
   */
  async publish(db: Db, collection: string, entry: BankEntry, now: number): Promise<string> {
    const hash = contentHash(entry);
    const versionId = `${collection}:${entry.id}@${hash.slice(0, 16)}`;
    await db.insertInto('item_versions').values({ id: versionId, item_id: entry.id, collection, hash, content: JSON.stringify(entry), created_ms: now }).onConflict((oc) => oc.column('id').doNothing()).execute();
    const exams = JSON.stringify(entryExams(entry) ?? []);
    await db
      .insertInto('items')
      .values({ collection, item_id: entry.id, version_id: versionId, type: entry.type, exams, active: 1, updated_ms: now, content_hash: null })
      .onConflict((oc) => oc.columns(['collection', 'item_id']).doUpdateSet({ version_id: versionId, type: entry.type, exams, active: 1, updated_ms: now }))
      .execute();
    return versionId;
  },

  /** The active entries of a collection with their current version ids. */
  async active(db: Db, collection: string): Promise<StoredEntry[]> {
    const rows = await db
      .selectFrom('items')
      .innerJoin('item_versions', 'item_versions.id', 'items.version_id')
      .select(['item_versions.id', 'item_versions.content'])
      .where('items.collection', '=', collection)
      .where('items.active', '=', 1)
      .orderBy('items.item_id')
      .execute();
    return rows.map((r) => ({ entry: upgradeEntry(JSON.parse(r.content)), versionId: r.id }));
  },

  /** The active entries of every collection, the built-in bank's first, with their collection. */
  async allActive(db: Db): Promise<(StoredEntry & { collection: string })[]> {
    const rows = await db
      .selectFrom('items')
      .innerJoin('item_versions', 'item_versions.id', 'items.version_id')
      .select(['item_versions.id', 'item_versions.content', 'items.collection'])
      .where('items.active', '=', 1)
      .orderBy('items.collection')
      .orderBy('items.item_id')
      .execute();
    const out = rows.map((r) => ({ entry: upgradeEntry(JSON.parse(r.content)), versionId: r.id, collection: r.collection }));
    return [...out.filter((r) => r.collection === 'bank'), ...out.filter((r) => r.collection !== 'bank')];
  },

  /** Specific versions (an attempt's form names the versions it was assembled from). */
  async versions(db: Db, ids: string[]): Promise<Map<string, BankEntry>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('item_versions').select(['id', 'content']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, upgradeEntry(JSON.parse(r.content))]));
  },
};
