import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AttemptView } from '../core/api/contracts.ts';
import { HttpClient, startServerProcess } from '../../test/helpers/server-process.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'certprep-sigterm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SIGTERM during autosaves (SQLite)', () => {
  it('exits cleanly within its grace period, and every answer it acknowledged is there after a restart', async () => {
    const env = { DATABASE_URL: path.join(dir, 'store.db'), CERTPREP_CONTENT: 'test/fixtures/e2e-bank' };
    let server = await startServerProcess(env);
    const client = new HttpClient(server.url);
    await client.call('GET', '/api/session');
    expect((await client.call('POST', '/api/auth/signup', { email: 'term@example.com', name: 'Term', password: 'a long password' })).status).toBe(200);
    const view = (await client.call('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', items: ['e2e-d1-single', 'e2e-d2-single', 'e2e-d3-single', 'e2e-d4-single'], count: 4, feedback: 'end' })).json as AttemptView;
    const single = view.items.filter((i) => i.type === 'single');
    expect(single.length).toBe(4);

    // A burst of saves, and SIGTERM as soon as the first is acknowledged: the rest are finished or refused, none half-done.
    const acked = new Map<number, Set<string>>();
    const burst = single.flatMap((item, k) =>
      [0, 1, 2].map(async (round) => {
        const choice = item.options![(k + round) % item.options!.length]!.id;
        try {
          const r = await client.call('PUT', `/api/attempts/${view.id}/answers/${item.position}`, { tab: `term-tab-${round}`, seq: 1, baseRevision: 0, answer: { choice }, flagged: false, struck: [] });
          if (r.status === 200) acked.set(item.position, new Set([...(acked.get(item.position) ?? []), choice]));
          return r.status;
        } catch {
          return 0; // the connection closed: not acknowledged
        }
      }),
    );
    while (acked.size === 0) await new Promise((r) => setTimeout(r, 1));
    const exit = new Promise<number | null>((r) => server.child.once('exit', (code) => r(code)));
    const t0 = Date.now();
    server.child.kill('SIGTERM');
    const statuses = await Promise.all(burst);
    expect(await exit).toBe(0);
    // Within the 5 s grace (a client's idle connection once held it for 70 s).
    expect(Date.now() - t0).toBeLessThan(8000);
    expect(statuses.every((s) => [200, 409, 503, 0].includes(s))).toBe(true);

    server = await startServerProcess(env);
    client.base = server.url;
    const after = (await client.call('GET', `/api/attempts/${view.id}`)).json as AttemptView;
    // Each acknowledged position holds an acknowledged answer (the last acknowledged of its concurrent rounds).
    for (const [position, choices] of acked) expect([...choices]).toContain((after.answers[String(position)]?.answer as { choice?: string } | undefined)?.choice);
    expect(acked.size).toBeGreaterThan(0);
    await server.stop();
  }, 120_000);
});
