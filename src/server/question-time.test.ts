import { describe, expect, it } from 'vitest';
import type { AttemptView, Progress, ScoreReport } from '../core/api/contracts.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { syntheticBank } from '../../test/helpers/synthetic-bank.ts';
import { InjectClient } from '../../test/helpers/inject-client.ts';
import { signedInApp } from '../../test/helpers/test-app.ts';

const exam = loadExam('mla-c01');
const bank = syntheticBank(exam, 12, 0);
const stores = useStores();
const T0 = Date.parse('2026-12-03T09:00:00Z');
const setup = (store: StoreName) => signedInApp(stores, store, { exam, bank, t0: T0, email: 'time@example.com' });

describe.each(STORES)('time per question, on %s', (store) => {
  it('keeps the highest time reported per question, gives it back with the attempt, and puts the pace and slowest questions in the report', async () => {
    const { client, clock } = await setup(store);
    const mock = (await client.req('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c01', profile: 'short' })).json() as AttemptView;
    clock.t += 10 * 60_000;
    const put = (times: { position: number; ms: number }[]) => client.req('PUT', `/api/attempts/${mock.id}/time`, { times });
    expect((await put([{ position: 0, ms: 90_000 }, { position: 1, ms: 200_000 }, { position: 2, ms: 30_000 }])).statusCode).toBe(204);
    // A second tab that saw less, or a late report, never takes time away.
    expect((await put([{ position: 0, ms: 40_000 }, { position: 2, ms: 45_000 }])).statusCode).toBe(204);
    // No question can have been on screen longer than the attempt has existed.
    expect((await put([{ position: 3, ms: 3_600_000 }])).statusCode).toBe(204);

    const view = (await client.req('GET', `/api/attempts/${mock.id}`)).json() as AttemptView;
    expect(view.times).toEqual({ '0': 90_000, '1': 200_000, '2': 45_000, '3': 600_000 });

    clock.t += 60_000;
    const report = (await client.req('POST', `/api/attempts/${mock.id}/submit`)).json() as ScoreReport;
    expect(report.time).toEqual({
      elapsedMs: 11 * 60_000,
      questionMs: 935_000,
      seen: 4,
      averageMs: 233_750,
      // The real exam: 130 minutes for 65 questions.
      targetMs: 120_000,
      slowest: [
        { position: 3, ms: 600_000 },
        { position: 1, ms: 200_000 },
        { position: 0, ms: 90_000 },
        { position: 2, ms: 45_000 },
      ],
    });
    expect(report.items.find((i) => i.position === 1)?.timeMs).toBe(200_000);
    expect(report.items.find((i) => i.position === 5)?.timeMs).toBeUndefined();
    expect(((await client.req('GET', `/api/attempts/${mock.id}/report`)).json() as ScoreReport).time?.questionMs).toBe(935_000);

    // Once submitted, the time is fixed.
    const late = await put([{ position: 4, ms: 10_000 }]);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('attempt-submitted');

    const progress = (await client.req('GET', '/api/progress?exam=mla-c01')).json() as Progress;
    expect(progress.attempts.find((a) => a.id === mock.id)?.timeMs).toBe(935_000);
    expect(progress.studyWeeks).toHaveLength(8);
    expect(progress.studyWeeks.at(-1)).toEqual({ weekStart: '2026-11-30', ms: 935_000 });
  });

  it('refuses a position the attempt does not have, a negative time, a position listed twice and another user’s attempt', async () => {
    const { client, app } = await setup(store);
    const practice = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 3, feedback: 'end' })).json() as AttemptView;
    const put = (body: unknown) => client.req('PUT', `/api/attempts/${practice.id}/time`, body);
    const outside = await put({ times: [{ position: 3, ms: 1000 }] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toBe('times: position 3 is not on this attempt (it has 3 questions).');
    expect((await put({ times: [{ position: 0, ms: -5 }] })).statusCode).toBe(400);
    expect((await put({ times: [{ position: 0, ms: 5 }, { position: 0, ms: 6 }] })).statusCode).toBe(400);
    expect((await put({ times: [] })).statusCode).toBe(400);
    const other = new InjectClient(app);
    await other.signUp('other-time@example.com');
    expect((await other.req('PUT', `/api/attempts/${practice.id}/time`, { times: [{ position: 0, ms: 1 }] })).statusCode).toBe(404);
  });
});
