import type { Kysely } from 'kysely';
import type { BankEntry } from '../core/items/item-schema.ts';
import type { ImportStore } from '../formats/import/plan-import.ts';
import { items } from './repositories/items.ts';
import type { Database } from './schema.ts';

/**
 * Named collections of items in the database, for imports: all of an import is written in one
 * transaction (nothing half-imported), versioned by content hash like the built-in bank.
 * The built-in bank's own collection is `bank`, loaded from content/ only.
 */
export class CollectionStore implements ImportStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  async existingIds(collection: string): Promise<Set<string>> {
    return new Set((await items.active(this.db, collection)).map((s) => s.entry.id));
  }

  async saveItems(collection: string, entries: BankEntry[], options: { update: boolean }): Promise<void> {
    if (collection === 'bank') throw new Error('the collection "bank" is the built-in bank, loaded from content/: import into another collection');
    await this.db.transaction().execute(async (trx) => {
      const existing = new Set((await items.active(trx, collection)).map((s) => s.entry.id));
      const clash = entries.filter((e) => existing.has(e.id));
      if (clash.length > 0 && !options.update) throw new Error(`item ${clash[0]!.id} is already in collection "${collection}" (use --update to replace it)`);
      await items.load(trx, collection, entries, this.now());
    });
  }

  async entries(collection: string): Promise<BankEntry[]> {
    return (await items.active(this.db, collection)).map((s) => s.entry);
  }

  async collections(): Promise<{ name: string; items: number }[]> {
    const rows = await this.db.selectFrom('items').select(['collection', this.db.fn.countAll<number>().as('n')]).where('active', '=', 1).groupBy('collection').orderBy('collection').execute();
    return rows.map((r) => ({ name: r.collection, items: Number(r.n) }));
  }
}
