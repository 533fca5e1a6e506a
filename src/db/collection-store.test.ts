import { describe, expect, it } from 'vitest';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores } from '../../test/helpers/stores.ts';
import { syntheticBank } from '../../test/helpers/synthetic-bank.ts';
import { CollectionStore } from './collection-store.ts';
import { items } from './repositories/items.ts';

const exam = loadExam();
const stores = useStores();

describe.each(STORES)('collections on %s', (store) => {
  it('imports into a named collection, refuses to overwrite without update, versions changes', async () => {
    const { db } = await stores.open(store);
    const collections = new CollectionStore(db, () => 1_000);
    const bank = syntheticBank(exam, 2, 0);
    await collections.saveItems('cohort-a', bank.slice(0, 5), { update: false });
    expect([...(await collections.existingIds('cohort-a'))].sort()).toEqual(bank.slice(0, 5).map((e) => e.id).sort());

    // A clash without --update writes nothing at all, not even the new items of the same import.
    await expect(collections.saveItems('cohort-a', [bank[0]!, bank[6]!], { update: false })).rejects.toThrow(/already in collection "cohort-a"/);
    expect((await collections.existingIds('cohort-a')).has(bank[6]!.id)).toBe(false);

    const changed = { ...bank[0]!, stem: 'A reworded stem?' } as (typeof bank)[number];
    await collections.saveItems('cohort-a', [changed], { update: true });
    const now = await collections.entries('cohort-a');
    expect(now.find((e) => e.id === bank[0]!.id)).toMatchObject({ stem: 'A reworded stem?' });
    const versions = await db.selectFrom('item_versions').select('id').where('item_id', '=', bank[0]!.id).execute();
    expect(versions).toHaveLength(2);
    expect(await collections.collections()).toEqual([{ name: 'cohort-a', items: 5 }]);
    await expect(collections.saveItems('bank', bank, { update: true })).rejects.toThrow(/built-in bank/);
  });

  it('loads the bank idempotently, keyed by id and content hash', async () => {
    const { db } = await stores.open(store);
    const bank = syntheticBank(exam, 3, 1);
    expect(await items.load(db, 'bank', bank, 1, { retireMissing: true })).toEqual({ added: bank.length, changed: 0, unchanged: 0, retired: 0 });
    expect(await items.load(db, 'bank', bank, 2, { retireMissing: true })).toEqual({ added: 0, changed: 0, unchanged: bank.length, retired: 0 });
    const edited = bank.map((e, i) => (i === 0 ? { ...e, stem: 'Changed?' } : e)) as typeof bank;
    expect(await items.load(db, 'bank', edited.slice(0, -1), 3, { retireMissing: true })).toEqual({ added: 0, changed: 1, unchanged: bank.length - 2, retired: 1 });
    expect(await items.active(db, 'bank')).toHaveLength(bank.length - 1);
  });
});
