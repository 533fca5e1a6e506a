import { describe, expect, it } from 'vitest';
import type { AttemptView } from '../core/api/contracts.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { syntheticBank } from '../../test/helpers/synthetic-bank.ts';
import { signedInApp } from '../../test/helpers/test-app.ts';

const exam = loadExam('mla-c01');
const bank = syntheticBank(exam, 12, 0);
const stores = useStores();
const T0 = Date.parse('2026-12-03T09:00:00Z');
const setup = (store: StoreName) => signedInApp(stores, store, { exam, bank, t0: T0, email: 'pause@example.com' });

describe.each(STORES)('pausing a timed practice, on %s', (store) => {
  it('stops the clock while paused and gives the same time back on resume; a mock cannot pause', async () => {
    const { client, clock, attempts } = await setup(store);
    const practice = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 3, minutes: 10, feedback: 'end' })).json() as AttemptView;
    clock.t += 4 * 60_000;
    const paused = await client.req('POST', `/api/attempts/${practice.id}/pause`);
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({ deadline: null, pausedRemainingMs: 6 * 60_000 });
    expect((await client.req('POST', `/api/attempts/${practice.id}/pause`)).json().error.code).toBe('not-pausable');

    // An hour away: nothing expires it.
    clock.t += 60 * 60_000;
    expect(await attempts.sweepExpired()).toBe(0);
    const resumed = (await client.req('POST', `/api/attempts/${practice.id}/resume`)).json() as AttemptView;
    expect(Date.parse(resumed.deadline!)).toBe(clock.t + 6 * 60_000);
    expect(resumed.pausedRemainingMs).toBeUndefined();
    expect((await client.req('POST', `/api/attempts/${practice.id}/resume`)).json().error.code).toBe('not-paused');

    // Past the new deadline it expires as any timed attempt does.
    clock.t += 7 * 60_000;
    expect(await attempts.sweepExpired()).toBe(1);

    const mock = (await client.req('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c01', profile: 'short' })).json() as AttemptView;
    const refused = await client.req('POST', `/api/attempts/${mock.id}/pause`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('Only a timed practice can be paused; a mock exam’s clock never stops.');
  });
});
