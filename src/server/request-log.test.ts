import { describe, expect, it } from 'vitest';
import type { AttemptView } from '../core/api/contracts.ts';
import { createDatabase, migrateToLatest } from '../db/create-database.ts';
import { items } from '../db/repositories/items.ts';
import { InjectClient } from '../../test/helpers/inject-client.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { syntheticBank } from '../../test/helpers/synthetic-bank.ts';
import { buildApp } from './build-app.ts';

const exam = loadExam('mla-c02');

describe('request logs', () => {
  it('writes JSON lines with the request id on each, echoes the id, and never logs a password, a cookie or an answer', async () => {
    const handle = createDatabase({ url: ':memory:' });
    await migrateToLatest(handle.db);
    await items.load(handle.db, 'bank', syntheticBank(exam, 2, 0), 0);
    const lines: string[] = [];
    const built = await buildApp({ db: handle.db, sqlite: handle.sqlite, exams: [exam], logLevel: 'info', logStream: { write: (l) => void lines.push(l) } });
    const client = new InjectClient(built.app);
    await client.signUp('ann@example.com');
    const view = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c02', count: 2, feedback: 'end' })).json() as AttemptView;
    await client.answerAll(view);
    const traced = await built.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'lb-42' } });
    expect(traced.headers['x-request-id']).toBe('lb-42');
    const forged = await built.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'a\n{"level":60}' } });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await built.app.close();
    await handle.close();

    const records = lines.map((l) => JSON.parse(l) as { reqId?: string; msg: string });
    const requestRecords = records.filter((r) => 'req' in r || 'res' in r);
    expect(requestRecords.length).toBeGreaterThan(6);
    expect(requestRecords.filter((r) => !r.reqId)).toEqual([]);
    expect(records.filter((r) => r.reqId === 'lb-42').map((r) => r.msg)).toEqual(['incoming request', 'request completed']);
    const all = lines.join('\n');
    for (const secret of ['correct horse battery', client.csrf, 'certprep_session', '"choice"', '"choices"']) expect(all).not.toContain(secret);
  });
});
