// bench/autosave: durable autosave throughput and latency of the real server on SQLite
// (synchronous=FULL: every acknowledged save is fsynced), against bare Fastify on the same machine.
//
//   npx tsx bench/autosave/run.ts [--seconds 10] [--candidates 256]
//
// Prints (a) the sustained maximum, saves back to back: saves/s, p50, p99; (b) p99 at an offered
// load of 5,000 saves/s (open loop: latency counted from each request's scheduled time, so a stall
// is not hidden); (c) hello-world req/s and the ratio (a)/(c).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, candidates: { type: 'string', default: '256' }, rate: { type: 'string', default: '5000' } } });
const seconds = Number(values.seconds);
const nCandidates = Number(values.candidates);
const offered = Number(values.rate);

function startChild(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; info: any }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ child, info: JSON.parse(line) }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Candidate { token: string; attempt: string; answers: unknown[]; seq: number; revisions: number[]; next: number }

async function run(pool: Pool, cands: Candidate[], mode: 'closed' | 'open', ms: number) {
  const lat: number[] = [];
  let ok = 0, failed = 0;
  const end = performance.now() + ms;
  const one = async (c: Candidate, scheduled: number) => {
    const position = c.next;
    c.next = (c.next + 1) % c.answers.length;
    const base = c.revisions[position]!;
    c.revisions[position] = base + 1;
    const body = JSON.stringify({ tab: 'bench-tab-1', seq: ++c.seq, baseRevision: base, answer: c.answers[position], flagged: false, struck: [] });
    const res = await pool.request({ method: 'PUT', path: `/api/attempts/${c.attempt}/answers/${position}`, body, headers: { 'content-type': 'application/json', cookie: `certprep_session=${c.token}; certprep_csrf=${'c'.repeat(32)}`, 'x-csrf-token': 'c'.repeat(32) } });
    await res.body.dump();
    if (res.statusCode === 200) { ok++; lat.push(performance.now() - scheduled); } else { failed++; c.revisions[position] = base; }
  };
  const t0 = performance.now();
  if (mode === 'closed') {
    await Promise.all(cands.map(async (c) => { while (performance.now() < end) await one(c, performance.now()); }));
  } else {
    const interval = 1000 / offered;
    const inflight = new Set<Promise<void>>();
    let k = 0;
    while (performance.now() < end) {
      const due = t0 + k * interval;
      const wait = due - performance.now();
      // Always yield, so that responses are read while requests are being scheduled.
      await new Promise((r) => (wait > 1 ? setTimeout(r, wait) : setImmediate(r)));
      // Requests whose time has come go out now, each counted from its own scheduled time.
      while (t0 + k * interval <= performance.now() && performance.now() < end) {
        const c = cands[k % cands.length]!;
        const scheduled = t0 + k * interval;
        k++;
        const p = one(c, scheduled).finally(() => inflight.delete(p));
        inflight.add(p);
      }
    }
    await Promise.all(inflight);
  }
  const elapsed = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  return { rate: ok / elapsed, p50: pct(lat, 50), p99: pct(lat, 99), ok, failed };
}

async function helloRate(ms: number, connections: number) {
  const { child, info } = await startChild(path.join(import.meta.dirname, 'hello.ts'), {});
  const pool = new Pool(info.url, { connections, pipelining: 1 });
  let n = 0;
  const end = performance.now() + ms;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections * 2 }, async () => {
    while (performance.now() < end) { const r = await pool.request({ method: 'GET', path: '/' }); await r.body.dump(); n++; }
  }));
  const rate = n / ((performance.now() - t0) / 1000);
  await pool.close();
  child.kill('SIGTERM');
  return rate;
}

const dir = mkdtempSync(path.join(tmpdir(), 'certprep-bench-'));
try {
  const { child, info } = await startChild(path.join(import.meta.dirname, 'server.ts'), {
    DATABASE_URL: path.join(dir, 'bench.db'), SQLITE_SYNCHRONOUS: 'FULL', CANDIDATES: String(nCandidates), LOG_LEVEL: 'error',
  });
  const cands: Candidate[] = info.candidates.map((c: any) => ({ ...c, seq: 0, revisions: c.answers.map(() => 0), next: 0 }));
  const pool = new Pool(info.url, { connections: nCandidates, pipelining: 1 });
  await run(pool, cands, 'closed', 2000); // warm-up
  const a = await run(pool, cands, 'closed', seconds * 1000);
  const b = await run(pool, cands, 'open', seconds * 1000);
  await pool.close();
  child.kill('SIGTERM');
  const c = await helloRate(seconds * 1000, 64);
  const f = (x: number) => x.toFixed(1);
  console.log(`machine: ${(await import('node:os')).cpus().length} cores, node ${process.version}; ${nCandidates} candidates, ${seconds} s per phase`);
  console.log(`(a) sustained maximum, back to back: ${Math.round(a.rate)} durable saves/s, p50 ${f(a.p50)} ms, p99 ${f(a.p99)} ms (${a.ok} saves, ${a.failed} refused)`);
  console.log(`(b) offered ${offered} saves/s: achieved ${Math.round(b.rate)}/s, p50 ${f(b.p50)} ms, p99 ${f(b.p99)} ms (${b.failed} refused)`);
  console.log(`(c) bare Fastify hello-world: ${Math.round(c)} req/s; (a)/(c) = ${(a.rate / c).toFixed(2)}`);
  console.log(`targets: (a) >= 10000 saves/s ${a.rate >= 10000 ? 'met' : 'NOT met'}; (b) p99 < 50 ms ${b.p99 < 50 ? 'met' : 'NOT met'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
