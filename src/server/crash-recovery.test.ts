import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView } from '../core/api/contracts.ts';
import { startPostgres, type PostgresCluster } from '../../test/helpers/postgres-cluster.ts';
import { HttpClient, startServerProcess } from '../../test/helpers/server-process.ts';

let cluster: PostgresCluster;
const dir = mkdtempSync(path.join(tmpdir(), 'certprep-crash-'));
beforeAll(async () => {
  cluster = await startPostgres();
}, 60_000);
afterAll(() => {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** One valid answer per item, in presentation ids. */
function someAnswer(item: AttemptView['items'][number]) {
  if (item.type === 'single') return { choice: item.options!.at(-1)!.id };
  if (item.type === 'multiple') return { choices: item.options!.slice(0, item.select!).map((o) => o.id) };
  if (item.type === 'ordering') return { order: item.steps!.map((s) => s.id).reverse() };
  return { pairs: Object.fromEntries(item.prompts!.map((p, i) => [p.id, item.responses![i]!.id])) };
}

describe.each(['sqlite', 'postgres'] as const)('kill -9 in the middle of an attempt, on %s', (store) => {
  it('finds every acknowledged answer and the same deadline after a restart', async () => {
    const databaseUrl = store === 'sqlite' ? path.join(dir, 'crash.db') : await cluster.createDatabase('crash');
    const env = { DATABASE_URL: databaseUrl, CERTPREP_CONTENT: 'content' };
    let server = await startServerProcess(env);
    const client = new HttpClient(server.url);
    await client.call('GET', '/api/session');
    expect((await client.call('POST', '/api/auth/signup', { email: 'crash@example.com', name: 'Crash', password: 'a long password' })).status).toBe(200);
    const start = await client.call('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c01', profile: 'short' });
    expect(start.status).toBe(201);
    const view = start.json as AttemptView;

    // N acknowledged answers, the last ones sent together, then the process is killed at once.
    const N = 7;
    const saved = new Map<number, unknown>();
    const save = async (position: number, seq: number) => {
      const answer = someAnswer(view.items[position]!);
      const r = await client.call('PUT', `/api/attempts/${view.id}/answers/${position}`, { tab: 'crash-tab-1', seq, baseRevision: 0, answer, flagged: position % 2 === 0, struck: [] });
      expect(r.status).toBe(200);
      saved.set(position, answer);
    };
    for (let p = 0; p < 3; p++) await save(p, p + 1);
    await Promise.all([3, 4, 5, 6].map((p) => save(p, p + 1)));
    expect(saved.size).toBe(N);
    await server.crash();

    server = await startServerProcess(env);
    client.base = server.url;
    const after = await client.call('GET', `/api/attempts/${view.id}`);
    expect(after.status).toBe(200);
    const resumed = after.json as AttemptView;
    expect(resumed.status).toBe('open');
    expect(resumed.deadline).toBe(view.deadline);
    expect(Object.keys(resumed.answers).map(Number).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const [p, answer] of saved) {
      expect(resumed.answers[String(p)]!.answer).toEqual(answer);
      expect(resumed.answers[String(p)]!.flagged).toBe(p % 2 === 0);
    }
    await server.stop();
  }, 120_000);
});
