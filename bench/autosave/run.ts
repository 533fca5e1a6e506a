// bench/autosave: durable autosave throughput and latency of the real server on SQLite
// (synchronous=FULL: every acknowledged save is fsynced), against bare Fastify on the same machine;
// with --store postgres, then also N instances on one throwaway PostgreSQL cluster (fsync=on,
// synchronous_commit=on), in the same run, so the two stores are compared on the same machine state.
//
//   npx tsx bench/autosave/run.ts [--seconds 10] [--candidates 256] [--rate 5000]
//                                 [--store postgres [--instances 2] [--pg-rate 2500]]
//
// Prints for each store (a) the sustained maximum, saves back to back: saves/s, p50, p99; (b) p99 at
// an offered load (open loop: latency counted from each request's scheduled time, so a stall is not
// hidden): 5,000 saves/s on SQLite, 2,500 on PostgreSQL; (c) hello-world req/s and the ratio (a)/(c).
// On PostgreSQL the candidates are split between the instances (candidate i on instance i mod N).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { candidateHeaders } from '../shared/candidate.ts';
import { pct, startChild, stopChild } from '../shared/children.ts';
import { cpuMeter, type CpuShare } from '../shared/cpu.ts';
import { startDurablePostgres } from '../shared/postgres.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    candidates: { type: 'string', default: '256' },
    rate: { type: 'string', default: '5000' },
    store: { type: 'string', default: 'sqlite' },
    instances: { type: 'string', default: '2' },
    'pg-rate': { type: 'string', default: '2500' },
  },
});
const seconds = Number(values.seconds);
const nCandidates = Number(values.candidates);
const offered = Number(values.rate);
const pgOffered = Number(values['pg-rate']);
const nInstances = Number(values.instances);
if (values.store !== 'sqlite' && values.store !== 'postgres') throw new Error('--store is sqlite or postgres');

interface Candidate { pool: Pool; headers: Record<string, string>; attempt: string; answers: unknown[]; seq: number; revisions: number[]; next: number }
interface Result { rate: number; p50: number; p99: number; ok: number; failed: number; cpu: CpuShare }

async function run(cands: Candidate[], mode: 'closed' | 'open', ms: number, rate = 0, meter: () => () => CpuShare = () => () => ({ machine: NaN, own: NaN, serverSeconds: NaN })): Promise<Result> {
  const lat: number[] = [];
  const stopMeter = meter();
  let ok = 0, failed = 0;
  const end = performance.now() + ms;
  const one = async (c: Candidate, scheduled: number) => {
    const position = c.next;
    c.next = (c.next + 1) % c.answers.length;
    const base = c.revisions[position]!;
    c.revisions[position] = base + 1;
    const body = JSON.stringify({ tab: 'bench-tab-1', seq: ++c.seq, baseRevision: base, answer: c.answers[position], flagged: false, struck: [] });
    const res = await c.pool.request({ method: 'PUT', path: `/api/attempts/${c.attempt}/answers/${position}`, body, headers: c.headers });
    await res.body.dump();
    if (res.statusCode === 200) { ok++; lat.push(performance.now() - scheduled); } else { failed++; c.revisions[position] = base; }
  };
  const t0 = performance.now();
  if (mode === 'closed') {
    await Promise.all(cands.map(async (c) => { while (performance.now() < end) await one(c, performance.now()); }));
  } else {
    const interval = 1000 / rate;
    const inflight = new Set<Promise<void>>();
    let k = 0;
    while (performance.now() < end) {
      // Sleep until the next request is due, at least the timers' 1 ms. Waking at once (setImmediate)
      // whenever one was due within 1 ms spun the load generator at a full core and took it from the
      // server. A request sent late still counts its latency from its scheduled time.
      const wait = t0 + k * interval - performance.now();
      await new Promise((r) => setTimeout(r, Math.max(1, wait)));
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
  return { rate: ok / elapsed, p50: pct(lat, 50), p99: pct(lat, 99), ok, failed, cpu: stopMeter() };
}

/**
 * Starts `instances` servers on the store (the first creates the candidates, the others join it),
 * then measures (a) closed loop and (b) open loop at `rate`, the candidates spread over the instances.
 */
async function measureStore(env: Record<string, string>, instances: number, rate: number, postmaster?: number): Promise<{ a: Result; b: Result }> {
  const first = await startChild(path.join(import.meta.dirname, 'server.ts'), { ...env, CANDIDATES: String(nCandidates), LOG_LEVEL: 'error' });
  const children = [first.child];
  try {
    const urls: string[] = [first.info.url];
    for (let i = 1; i < instances; i++) {
      const more = await startChild(path.join(import.meta.dirname, 'server.ts'), { ...env, CANDIDATES: '0', LOG_LEVEL: 'error' });
      children.push(more.child);
      urls.push(more.info.url);
    }
    const pools = urls.map((u) => new Pool(u, { connections: Math.ceil(nCandidates / instances), pipelining: 1 }));
    const cands: Candidate[] = first.info.candidates.map((c: any, i: number) => ({ pool: pools[i % instances]!, headers: candidateHeaders(c.token), attempt: c.attempt, answers: c.answers, seq: 0, revisions: c.answers.map(() => 0), next: 0 }));
    const servers = children.map((c) => c.pid!);
    const meter = () => cpuMeter([process.pid, ...servers], postmaster ? [postmaster] : [], servers);
    await run(cands, 'closed', 2000); // warm-up
    const a = await run(cands, 'closed', seconds * 1000, 0, meter);
    const b = await run(cands, 'open', seconds * 1000, rate, meter);
    await Promise.all(pools.map((p) => p.close()));
    return { a, b };
  } finally {
    await Promise.all(children.map(stopChild));
  }
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
  const { a, b } = await measureStore({ DATABASE_URL: path.join(dir, 'bench.db'), SQLITE_SYNCHRONOUS: 'FULL' }, 1, offered);
  const c = await helloRate(seconds * 1000, 64);
  const f = (x: number) => x.toFixed(1);
  // Another program busy meanwhile takes cores from the benchmark: said next to each figure.
  const cpu = (r: Result) => `CPU: machine ${r.cpu.machine.toFixed(0)}% busy, this benchmark ${r.cpu.own.toFixed(0)}%, instances ${Math.round((1e6 * r.cpu.serverSeconds) / r.ok)} µs per save`;
  console.log(`machine: ${cpus().length} cores, node ${process.version}; ${nCandidates} candidates, ${seconds} s per phase`);
  console.log(`(a) sustained maximum, back to back: ${Math.round(a.rate)} durable saves/s, p50 ${f(a.p50)} ms, p99 ${f(a.p99)} ms (${a.ok} saves, ${a.failed} refused); ${cpu(a)}`);
  console.log(`(b) offered ${offered} saves/s: achieved ${Math.round(b.rate)}/s, p50 ${f(b.p50)} ms, p99 ${f(b.p99)} ms (${b.failed} refused); ${cpu(b)}`);
  console.log(`(c) bare Fastify hello-world: ${Math.round(c)} req/s; (a)/(c) = ${(a.rate / c).toFixed(2)}`);
  console.log(`targets: (a) >= 10000 saves/s ${a.rate >= 10000 ? 'met' : 'NOT met'}; (b) p99 < 50 ms ${b.p99 < 50 ? 'met' : 'NOT met'}`);
  if (values.store === 'postgres') {
    const cluster = await startDurablePostgres();
    try {
      const s = cluster.settings;
      const pg = await measureStore({ DATABASE_URL: cluster.url }, nInstances, pgOffered, cluster.postmaster);
      console.log(`PostgreSQL ${nInstances} instances, one cluster (fsync=${s.fsync}, synchronous_commit=${s.synchronous_commit}, full_page_writes=${s.full_page_writes}, wal_sync_method=${s.wal_sync_method}); cluster, instances and load share the machine`);
      console.log(`(a) sustained maximum, back to back: ${Math.round(pg.a.rate)} durable saves/s, p50 ${f(pg.a.p50)} ms, p99 ${f(pg.a.p99)} ms (${pg.a.ok} saves, ${pg.a.failed} refused); ${(pg.a.rate / a.rate).toFixed(2)}x SQLite; ${cpu(pg.a)}`);
      console.log(`(b) offered ${pgOffered} saves/s: achieved ${Math.round(pg.b.rate)}/s, p50 ${f(pg.b.p50)} ms, p99 ${f(pg.b.p99)} ms (${pg.b.failed} refused); ${cpu(pg.b)}`);
      console.log(`targets: (a) >= 5000 saves/s ${pg.a.rate >= 5000 ? 'met' : 'NOT met'}; (b) p99 < 50 ms ${pg.b.p99 < 50 ? 'met' : 'NOT met'}`);
    } finally {
      cluster.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
