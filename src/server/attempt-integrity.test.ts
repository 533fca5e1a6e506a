import { describe, expect, it } from 'vitest';
import type { AttemptView } from '../core/api/contracts.ts';
import { attempts } from '../db/repositories/attempts.ts';
import { items } from '../db/repositories/items.ts';
import { responses } from '../db/repositories/responses.ts';
import { InjectClient } from '../../test/helpers/inject-client.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { syntheticBank } from '../../test/helpers/synthetic-bank.ts';
import { buildApp } from './build-app.ts';

const exam = loadExam('mla-c01');
// 48 standalone questions and 2 case studies of 2: 52 questions.
const bank = syntheticBank(exam, 12, 2);
const T0 = Date.parse('2026-12-02T09:00:00Z');
const stores = useStores();

async function setup(store: StoreName) {
  const clock = { t: T0 };
  const handle = await stores.open(store);
  await items.load(handle.db, 'bank', bank, T0);
  const built = await buildApp({ db: handle.db, sqlite: handle.sqlite, exams: [exam], now: () => clock.t });
  const client = new InjectClient(built.app);
  await client.signUp('integrity@example.com');
  return { ...built, db: handle.db, client, clock };
}

const formIds = async (db: Awaited<ReturnType<typeof setup>>['db'], id: string) => (await attempts.byId(db, id))!.form.map((e) => e.itemId);

describe.each(STORES)('attempt integrity on %s', (store) => {
  it('never serves an item of an open mock in practice or the quick check, so its keys cannot be read before it is submitted', async () => {
    const { client, db } = await setup(store);
    const mock = (await client.req('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c01', profile: 'short' })).json() as AttemptView;
    const mockItems = new Set(await formIds(db, mock.id));
    expect(mockItems.size).toBe(10);
    const practice = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 100, feedback: 'immediate' })).json() as AttemptView;
    const practised = await formIds(db, practice.id);
    expect(practised).toHaveLength(52 - 10);
    expect(practised.filter((id) => mockItems.has(id))).toEqual([]);
    // The quick check: its first item and every next one.
    const quick = (await client.req('POST', '/api/attempts', { kind: 'quick', exam: 'mla-c01', count: 20 })).json() as AttemptView;
    for (let i = 0; i < 19; i++) expect((await client.req('POST', `/api/attempts/${quick.id}/next`)).statusCode).toBe(200);
    const quickItems = await formIds(db, quick.id);
    expect(quickItems).toHaveLength(20);
    expect(quickItems.filter((id) => mockItems.has(id))).toEqual([]);
    // Once the mock is submitted its items may be practised again.
    await client.req('POST', `/api/attempts/${mock.id}/submit`);
    const after = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 100, feedback: 'end' })).json() as AttemptView;
    expect(after.items).toHaveLength(52);
  });

  it('counts an item as seen as soon as it is on any form, so a second practice prefers the items not yet shown', async () => {
    const { client, db } = await setup(store);
    const first = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 30, feedback: 'end' })).json() as AttemptView;
    const second = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 30, feedback: 'end' })).json() as AttemptView;
    const a = new Set(await formIds(db, first.id));
    const b = await formIds(db, second.id);
    // 22 questions were never shown: the second set holds all of them, and only 8 already shown.
    expect(b.filter((id) => a.has(id))).toHaveLength(8);
  });

  it('leaves out of calibration the responses given after the user saw the key', async () => {
    const { client, db } = await setup(store);
    const practice = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 3, feedback: 'immediate' })).json() as AttemptView;
    const ids = await formIds(db, practice.id);
    // Checking item 0 reveals its key: that first response still measures ability.
    expect((await client.req('POST', `/api/attempts/${practice.id}/check/0`)).statusCode).toBe(200);
    // The rest is submitted: its report reveals items 1 and 2.
    await client.req('POST', `/api/attempts/${practice.id}/submit`);
    let measured = (await responses.forMeasurement(db)).map((r) => r.itemId).sort();
    expect(measured).toEqual([...ids].sort());
    // Practising the same three again: answers now given with the keys known are kept for learning, not for measurement.
    const again = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 52, feedback: 'end' })).json() as AttemptView;
    await client.req('POST', `/api/attempts/${again.id}/submit`);
    measured = (await responses.forMeasurement(db)).map((r) => r.itemId);
    expect(measured).toHaveLength(52);
    for (const id of ids) expect(measured.filter((m) => m === id), id).toHaveLength(1);
    const all = await db.selectFrom('responses').select(['item_id', 'after_reveal']).execute();
    expect(all).toHaveLength(55);
    expect(all.filter((r) => r.after_reveal === 1).map((r) => r.item_id).sort()).toEqual([...ids].sort());
  });

  it('refuses profile and accommodation ids that are not the exam’s own, and stores nothing', async () => {
    const { client } = await setup(store);
    for (const body of [
      { kind: 'mock', exam: 'mla-c01', profile: 'constructor' },
      { kind: 'mock', exam: 'mla-c01', profile: '__proto__' },
      { kind: 'mock', exam: 'mla-c01', profile: 'toString' },
      { kind: 'mock', exam: 'mla-c01', profile: 'short', accommodation: '__proto__' },
      { kind: 'mock', exam: 'mla-c01', profile: 'short', accommodation: 'hasOwnProperty' },
    ]) {
      const r = await client.req('POST', '/api/attempts', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.message).toMatch(/^Unknown (exam profile|accommodation) "/);
    }
    expect((await client.req('GET', '/api/attempts')).json()).toEqual([]);
  });

  it('seeds each form with a server secret, not with anything the browser sees', async () => {
    const { client, db } = await setup(store);
    const views = [];
    for (let i = 0; i < 2; i++) views.push((await client.req('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c01', profile: 'short' })).json() as AttemptView);
    const seeds = await Promise.all(views.map(async (v) => (await attempts.byId(db, v.id))!.seed));
    expect(new Set(seeds).size).toBe(2);
    for (const [i, seed] of seeds.entries()) {
      expect(seed.length).toBeGreaterThanOrEqual(20);
      expect(seed).not.toContain(views[i]!.id);
      expect(seed).not.toContain(String(T0));
    }
  });
});
