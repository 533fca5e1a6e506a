import { describe, expect, it } from 'vitest';
import type { AttemptView, Progress } from '../core/api/contracts.ts';
import { READINESS_MIN_RESPONSES } from '../core/scoring/readiness.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { syntheticBank } from '../../test/helpers/synthetic-bank.ts';
import { signedInApp } from '../../test/helpers/test-app.ts';

const exam = loadExam('mla-c01');
const bank = syntheticBank(exam, 12, 0);
const stores = useStores();
const setup = (store: StoreName) => signedInApp(stores, store, { exam, bank, t0: Date.parse('2026-12-03T09:00:00Z'), email: 'ready@example.com' });

describe.each(STORES)('readiness on the dashboard, on %s', (store) => {
  it('asks for the missing answers, then estimates from first answers only', async () => {
    const { client } = await setup(store);
    const progress = async () => (await client.req('GET', '/api/progress?exam=mla-c01')).json() as Progress;
    expect((await progress()).readiness).toEqual({ state: 'needs-evidence', basedOn: 0, needed: READINESS_MIN_RESPONSES });

    const first = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 12, feedback: 'end' })).json() as AttemptView;
    await client.answerAll(first);
    await client.req('POST', `/api/attempts/${first.id}/submit`);
    expect((await progress()).readiness).toEqual({ state: 'needs-evidence', basedOn: 12, needed: READINESS_MIN_RESPONSES - 12 });

    const second = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 30, feedback: 'end' })).json() as AttemptView;
    await client.answerAll(second);
    await client.req('POST', `/api/attempts/${second.id}/submit`);
    const after = (await progress()).readiness;
    // 48 questions in the bank, each answered once before its key was seen (the second form prefers unseen ones).
    expect(after).toMatchObject({ state: 'estimate', provisional: true, basedOn: 12 + 30 });
    if (after.state !== 'estimate') throw new Error('no estimate');
    expect(after.scaled).toBeGreaterThanOrEqual(100);
    expect(after.scaled).toBeLessThanOrEqual(1000);
    expect(after.scaledSe).toBeGreaterThan(0);
  });
});
