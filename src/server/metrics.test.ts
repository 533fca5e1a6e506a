import { describe, expect, it } from 'vitest';
import type { AttemptView } from '../core/api/contracts.ts';
import { InjectClient } from '../../test/helpers/inject-client.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { syntheticBank } from '../../test/helpers/synthetic-bank.ts';
import { STORES, useStores } from '../../test/helpers/stores.ts';
import { items } from '../db/repositories/items.ts';
import { buildApp } from './build-app.ts';

const exam = loadExam('mla-c02');
const stores = useStores();
const TOKEN = 'metrics-token-0123456789';

describe.each(STORES)('Prometheus metrics, on %s', (store) => {
  it('counts requests by route pattern and status, autosave batches and open attempts, for the token holder only', async () => {
    const handle = await stores.open(store);
    await items.load(handle.db, 'bank', syntheticBank(exam, 2, 0), 0);
    const built = await buildApp({ db: handle.db, sqlite: handle.sqlite, exams: [exam], metricsToken: TOKEN });
    const client = new InjectClient(built.app);
    await client.signUp('ann@example.com');
    const view = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c02', count: 3, feedback: 'end' })).json() as AttemptView;
    await client.answerAll(view);
    await client.req('GET', '/api/attempts/00000000-0000-4000-8000-000000000000');

    expect((await built.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect((await built.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong-token-0123456789' } })).statusCode).toBe(401);
    const res = await built.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    const text = res.body;
    expect(text).toContain('certprep_http_requests_total{method="PUT",route="/api/attempts/:id/answers/:position",status="200"} 3');
    expect(text).toContain('certprep_http_requests_total{method="GET",route="/api/attempts/:id",status="404"} 1');
    expect(text).toMatch(/certprep_autosave_batch_size_count \d+/);
    expect(Number(/certprep_autosave_batch_size_sum (\d+)/.exec(text)![1])).toBe(3);
    expect(text).toContain('certprep_open_attempts 1');
    // Labels are route patterns: no attempt id, no user.
    expect(text).not.toContain(view.id);
    await built.app.close();
  });

  it('has no metrics route without a token', async () => {
    const handle = await stores.open(store);
    const built = await buildApp({ db: handle.db, exams: [exam] });
    expect((await built.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    await built.app.close();
  });
});
