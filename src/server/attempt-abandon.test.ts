import { describe, expect, it } from 'vitest';
import type { AttemptSummary, AttemptView } from '../core/api/contracts.ts';
import { anyAnswer, InjectClient } from '../../test/helpers/inject-client.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { syntheticBank } from '../../test/helpers/synthetic-bank.ts';
import { signedInApp } from '../../test/helpers/test-app.ts';

const exam = loadExam('mla-c01');
const bank = syntheticBank(exam, 12, 0);
const stores = useStores();
const setup = (store: StoreName) => signedInApp(stores, store, { exam, bank, t0: Date.parse('2026-12-03T09:00:00Z'), email: 'abandon@example.com' });

describe.each(STORES)('the history, on %s', (store) => {
  it('abandons an open attempt: no score, no report, no more saves, and only its owner may', async () => {
    const { client, app, db } = await setup(store);
    const mock = (await client.req('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c01', profile: 'short' })).json() as AttemptView;
    await client.answerAll(mock, [0]);

    const stranger = new InjectClient(app);
    await stranger.signUp('stranger@example.com');
    expect((await stranger.req('POST', `/api/attempts/${mock.id}/abandon`)).statusCode).toBe(404);

    expect((await client.req('POST', `/api/attempts/${mock.id}/abandon`)).statusCode).toBe(204);
    const again = await client.req('POST', `/api/attempts/${mock.id}/abandon`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('attempt-closed');
    const report = await client.req('GET', `/api/attempts/${mock.id}/report`);
    expect(report.statusCode).toBe(409);
    expect(report.json().error).toMatchObject({ code: 'abandoned', message: 'This attempt was abandoned: it has no report.' });
    const save = await client.req('PUT', `/api/attempts/${mock.id}/answers/1`, { tab: 'tab-abandoned', seq: 1, baseRevision: 0, answer: anyAnswer(mock.items[1]!), flagged: false, struck: [] });
    expect(save.statusCode).toBe(409);
    expect((await client.req('POST', `/api/attempts/${mock.id}/submit`)).statusCode).toBe(409);

    const history = (await client.req('GET', '/api/attempts')).json() as AttemptSummary[];
    expect(history[0]).toMatchObject({ id: mock.id, status: 'abandoned', scaled: null, passed: null });
    expect(history[0]!.submittedAt).not.toBeNull();
    // No responses: an abandoned mock neither measures nor feeds the review queue.
    expect(await db.selectFrom('responses').selectAll().execute()).toEqual([]);
  });

  it('names what each practice covered', async () => {
    const { client } = await setup(store);
    await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', domains: ['2'], count: 3 });
    await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', tasks: ['1.1'], count: 3 });
    const history = (await client.req('GET', '/api/attempts')).json() as AttemptSummary[];
    expect(history.map((h) => h.scope)).toEqual([{ tasks: ['1.1'] }, { domains: ['2'] }]);
  });
});
