import { describe, expect, it } from 'vitest';
import type { AttemptView } from '../core/api/contracts.ts';
import { attempts } from '../db/repositories/attempts.ts';
import { items } from '../db/repositories/items.ts';
import { rateLimits } from '../db/repositories/rate-limits.ts';
import { responses } from '../db/repositories/responses.ts';
import { InjectClient } from '../../test/helpers/inject-client.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { syntheticBank } from '../../test/helpers/synthetic-bank.ts';
import { signedInApp } from '../../test/helpers/test-app.ts';
import { buildApp } from './build-app.ts';

const exam = loadExam('mla-c01');
// 48 standalone questions and 2 case studies of 2: 52 questions.
const bank = syntheticBank(exam, 12, 2);
const T0 = Date.parse('2026-12-02T09:00:00Z');
const stores = useStores();

const setup = (store: StoreName) => signedInApp(stores, store, { exam, bank, t0: T0, email: 'integrity@example.com' });

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
    // The rest is answered and submitted: its report reveals items 1 and 2.
    await client.answerAll(practice, [1, 2]);
    await client.req('POST', `/api/attempts/${practice.id}/submit`);
    let measured = (await responses.forMeasurement(db)).map((r) => r.itemId).sort();
    expect(measured).toEqual([...ids].sort());
    // Practising the same three again: answers now given with the keys known are kept for learning, not for measurement.
    const again = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 52, feedback: 'end' })).json() as AttemptView;
    await client.answerAll(again);
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

describe.each(STORES)('attempt limits and the expiry sweep on %s', (store) => {
  it('limits the attempts a user may have open, and how many they start an hour', async () => {
    const { client, db } = await setup(store);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 1, feedback: 'end' });
      expect(r.statusCode).toBe(201);
      ids.push(r.json().id);
    }
    const over = await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 1, feedback: 'end' });
    expect(over.statusCode).toBe(429);
    expect(over.json().error).toMatchObject({ code: 'too-many-open', message: 'You have 20 attempts in progress: finish or submit some of them before starting another.' });
    await client.req('POST', `/api/attempts/${ids[0]}/submit`);
    expect((await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 1, feedback: 'end' })).statusCode).toBe(201);
    // 21 started; 99 more this hour reach the hourly limit of 120.
    const userId = (await attempts.byId(db, ids[0]!))!.userId;
    for (let i = 0; i < 99; i++) await rateLimits.add(db, `attempt-start:${userId}`, T0, 3_600_000);
    await client.req('POST', `/api/attempts/${ids[1]}/submit`);
    const fast = await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 1, feedback: 'end' });
    expect(fast.statusCode).toBe(429);
    // The wait in seconds too, from which the French interface words the error; the message rounds it up to minutes.
    const wait = Number(fast.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(3600);
    const minutes = Math.ceil(wait / 60);
    expect(fast.json().error.message).toBe(`You have started 120 attempts in the last hour: try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`);
  });

  it('submits expired attempts in small batches, and a user’s history only sweeps that user’s', async () => {
    const { client, db, attempts: service, clock } = await setup(store);
    const other = new InjectClient((await buildApp({ db, exams: [exam], now: () => clock.t })).app);
    await other.signUp('other@example.com');
    for (let i = 0; i < 15; i++) await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 2, minutes: 5, feedback: 'end' });
    for (let i = 0; i < 15; i++) await other.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 2, minutes: 5, feedback: 'end' });
    clock.t += 10 * 60_000;
    const open = async () => Number((await db.selectFrom('attempts').select(db.fn.countAll<number>().as('n')).where('status', '=', 'open').executeTakeFirst())!.n);
    // The owner's history submits the owner's 15, and only those.
    const history = (await client.req('GET', '/api/attempts')).json() as { status: string }[];
    expect(history.filter((a) => a.status === 'submitted')).toHaveLength(15);
    expect(await open()).toBe(15);
    // The sweeper: at most 20 per call.
    const third = new InjectClient((await buildApp({ db, exams: [exam], now: () => clock.t })).app);
    await third.signUp('third@example.com');
    for (let i = 0; i < 15; i++) await third.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 1, minutes: 1, feedback: 'end' });
    clock.t += 10 * 60_000;
    expect(await open()).toBe(30);
    expect(await service.sweepExpired()).toBe(20);
    expect(await open()).toBe(10);
    expect(await service.sweepExpired()).toBe(10);
  });
});

describe.each(STORES)('strict requests on %s', (store) => {
  it('takes item numbers in digits only, and a struck option once', async () => {
    const { client } = await setup(store);
    const practice = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 3, feedback: 'end' })).json() as AttemptView;
    for (const bad of ['0x1', '1.0', '1e0', '01', '-1', '+1', ' 1']) {
      const r = await client.req('PUT', `/api/attempts/${practice.id}/answers/${encodeURIComponent(bad)}`, { tab: 'tab-strict01', seq: 1, baseRevision: 0, answer: null, flagged: false, struck: [] });
      expect(r.statusCode, bad).toBe(400);
      expect(r.json().error.message, bad).toContain('must be an item number');
    }
    const dup = await client.req('PUT', `/api/attempts/${practice.id}/answers/1`, { tab: 'tab-strict01', seq: 2, baseRevision: 0, answer: null, flagged: false, struck: ['o1', 'o1'] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.message).toContain('struck: lists an option twice');
    expect((await client.req('PUT', `/api/attempts/${practice.id}/answers/1`, { tab: 'tab-strict01', seq: 3, baseRevision: 0, answer: null, flagged: false, struck: ['o1'] })).statusCode).toBe(200);
  });

  it('refuses more choices than a multiple-response item asks for, with the item number, and keeps the saved answer', async () => {
    const { client } = await setup(store);
    const practice = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 30, feedback: 'end' })).json() as AttemptView;
    const multi = practice.items.find((i) => i.type === 'multiple')!;
    const ids = multi.options!.map((o) => o.id);
    const url = `/api/attempts/${practice.id}/answers/${multi.position}`;
    const put = (seq: number, baseRevision: number, choices: string[]) => client.req('PUT', url, { tab: 'tab-strict02', seq, baseRevision, answer: { choices }, flagged: false, struck: [] });
    const ok = await put(1, 0, ids.slice(0, multi.select!));
    expect(ok.statusCode).toBe(200);
    const tooMany = await put(2, ok.json().revision, ids.slice(0, multi.select! + 1));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toBe(`Item ${multi.position + 1}: this item asks for ${multi.select} options; ${multi.select! + 1} were chosen.`);
    const resumed = (await client.req('GET', `/api/attempts/${practice.id}`)).json() as AttemptView;
    expect(resumed.answers[String(multi.position)]?.answer).toEqual({ choices: ids.slice(0, multi.select!) });
  });

  it('caps the extra minutes a candidate gives themselves at 60, and the report says they were self-granted', async () => {
    const { client, clock } = await setup(store);
    const tooMuch = await client.req('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c01', profile: 'short', extraMinutes: 61 });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.message).toContain('extraMinutes: at most 60 extra minutes can be self-granted');
    const extra = (await client.req('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c01', profile: 'short', extraMinutes: 20 })).json() as AttemptView;
    expect(Date.parse(extra.deadline!) - clock.t).toBe(40 * 60_000);
    const report = (await client.req('POST', `/api/attempts/${extra.id}/submit`)).json();
    expect(report.timing).toEqual({ minutes: 40, accommodation: null, extraMinutes: 20, selfGranted: true });
    const esl = (await client.req('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c01', profile: 'short', accommodation: 'esl' })).json() as AttemptView;
    expect((await client.req('POST', `/api/attempts/${esl.id}/submit`)).json().timing).toEqual({ minutes: 50, accommodation: 'esl', extraMinutes: 0, selfGranted: false });
  });
});
