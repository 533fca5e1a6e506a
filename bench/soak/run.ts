// bench/soak: candidates taking short mock exams on several instances sharing one PostgreSQL cluster
// (fsync=on, synchronous_commit=on), one instance killed with SIGKILL partway and restarted. Not part
// of `npm test`.
//
//   npx tsx bench/soak/run.ts [--seconds 300] [--candidates 500] [--instances 2] [--kill-at 120] [--think-ms 1000]
//
// Each candidate answers its mock item by item (a save every think-ms on average, with some items
// changed again), submits it, and starts the next one, on its own instance (candidate i on instance
// i mod N). When its instance stops answering, it sends the save it had in flight to another instance,
// with the same tab, seq and base revision, which acknowledges it idempotently (a replay when the
// first instance had committed it), and goes on with its attempt there; it returns to its own
// instance for its next mock once that one is back. The killed instance is restarted at once.
//
// Prints the saves acknowledged, then checks in the store that, for every (attempt, position), the
// stored revision is at least the last one acknowledged (violations: must be 0); the attempts resumed
// on another instance; errors by kind (HTTP status and code, or network error).
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Pool } from 'undici';
import type { AttemptView } from '../../src/core/api/contracts.ts';
import { answersFor, candidateHeaders } from '../shared/candidate.ts';
import { pct, startChild, stopChild } from '../shared/children.ts';
import { startDurablePostgres } from '../shared/postgres.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '300' },
    candidates: { type: 'string', default: '500' },
    instances: { type: 'string', default: '2' },
    'kill-at': { type: 'string', default: '120' },
    'think-ms': { type: 'string', default: '1000' },
  },
});
const seconds = Number(values.seconds);
const nCandidates = Number(values.candidates);
const nInstances = Number(values.instances);
const killAt = Number(values['kill-at']);
const thinkMs = Number(values['think-ms']);
if (nInstances < 2) throw new Error('--instances must be 2 or more: the clients of the killed instance need another one');

const serverScript = path.join(import.meta.dirname, '../autosave/server.ts');

interface Instance { url: string; pool: Pool; child: Awaited<ReturnType<typeof startChild>>['child']; up: boolean }
interface Sim {
  home: number;
  /** The instance it is talking to now. */
  at: number;
  headers: Record<string, string>;
  attempt: string;
  answers: unknown[];
  revisions: number[];
  flagged: boolean[];
  tab: string;
  seq: number;
  /** The attempt it failed over in, until a save there is acknowledged by another instance. */
  failedOverIn?: string;
}

class NetworkError extends Error {
  constructor(readonly kind: string) {
    super(kind);
  }
}

const instances: Instance[] = [];
const errors = new Map<string, number>();
const countError = (kind: string) => errors.set(kind, (errors.get(kind) ?? 0) + 1);
/** The last revision acknowledged, by `attempt position`. */
const acked = new Map<string, { attempt: string; position: number; revision: number }>();
/** Latencies by request: save (acknowledged), start (a new mock), submit. */
const latencies = { save: [] as number[], start: [] as number[], submit: [] as number[] };
const perWindow: number[] = [];
const WINDOW_S = 30;
let saves = 0, mocksStarted = 0, mocksSubmitted = 0, failovers = 0;
const resumed = new Set<string>();
/** The run's start and end, set once the instances are up. */
let t0 = 0, end = 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function newPool(url: string): Pool {
  return new Pool(url, { connections: nCandidates, connectTimeout: 5000, headersTimeout: 15_000, bodyTimeout: 15_000 });
}

/**
 * One request from a candidate, sent again until some instance answers: on a network error to
 * another instance (failover), on a 5xx after a pause. Returns the status and the parsed body.
 */
async function send(sim: Sim, method: string, url: string, body?: unknown): Promise<{ status: number; json: any }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  for (let tries = 0; ; tries++) {
    try {
      // Without a body, no content-type: Fastify refuses an empty JSON body.
      const headers = payload === undefined ? { ...sim.headers, 'content-type': undefined } : sim.headers;
      const res = await instances[sim.at]!.pool.request({ method, path: url, body: payload, headers }).catch((e: { code?: string }) => {
        throw new NetworkError(`network ${e.code ?? 'error'}`);
      });
      const text = await res.body.text();
      if (res.statusCode >= 500) {
        countError(`HTTP ${res.statusCode}`);
        if (tries >= 20) return { status: res.statusCode, json: null };
        await sleep(200);
        continue;
      }
      return { status: res.statusCode, json: text ? JSON.parse(text) : null };
    } catch (e) {
      if (!(e instanceof NetworkError) || tries >= 20) throw e;
      countError(e.kind);
      failovers++;
      sim.at = (sim.at + 1) % nInstances;
      if (sim.attempt) sim.failedOverIn = sim.attempt;
      if (tries >= nInstances) await sleep(200);
    }
  }
}

async function startMock(sim: Sim): Promise<void> {
  if (instances[sim.home]!.up) sim.at = sim.home;
  sim.attempt = '';
  const started = performance.now();
  const r = await send(sim, 'POST', '/api/attempts', { kind: 'mock', exam: 'mla-c01', profile: 'short' });
  latencies.start.push(performance.now() - started);
  if (r.status !== 201) throw new Error(`starting a mock: ${r.status} ${JSON.stringify(r.json)}`);
  mocksStarted++;
  const view = r.json as AttemptView;
  useAttempt(sim, view.id, answersFor(view.items));
}

function useAttempt(sim: Sim, attempt: string, answers: unknown[]): void {
  sim.attempt = attempt;
  sim.answers = answers;
  sim.revisions = answers.map(() => 0);
  sim.flagged = answers.map(() => false);
  // A new browser tab for each attempt, as when a candidate opens it.
  sim.tab = randomBytes(12).toString('base64url');
  sim.seq = 0;
  delete sim.failedOverIn;
}

/** Saves one item; true when acknowledged, false when the attempt cannot take it any more. */
async function save(sim: Sim, position: number): Promise<boolean> {
  for (;;) {
    const body = { tab: sim.tab, seq: ++sim.seq, baseRevision: sim.revisions[position]!, answer: sim.answers[position], flagged: sim.flagged[position]!, struck: [] };
    const started = performance.now();
    const r = await send(sim, 'PUT', `/api/attempts/${sim.attempt}/answers/${position}`, body);
    if (r.status === 200) {
      latencies.save.push(performance.now() - started);
      saves++;
      const w = Math.min(Math.floor((performance.now() - t0) / 1000 / WINDOW_S), Math.ceil(seconds / WINDOW_S) - 1);
      perWindow[w] = (perWindow[w] ?? 0) + 1;
      sim.revisions[position] = r.json.revision;
      acked.set(`${sim.attempt} ${position}`, { attempt: sim.attempt, position, revision: r.json.revision });
      // Acknowledged by another instance after its own stopped answering: the attempt goes on there.
      if (sim.failedOverIn === sim.attempt) resumed.add(sim.attempt);
      return true;
    }
    const code = r.json?.error?.code ?? '';
    countError(`HTTP ${r.status}${code ? ` ${code}` : ''}`);
    if (r.status === 409 && code === 'stale') {
      // Changed elsewhere: start again from the current revision, as the web app does.
      sim.revisions[position] = r.json.error.details.current.revision;
      continue;
    }
    return false;
  }
}

async function candidate(sim: Sim): Promise<void> {
  // The first mock was created with the candidate; the next ones through the API. Candidates begin at
  // random times within a mock's length, as real ones do, not all at once.
  await sleep(Math.random() * thinkMs * sim.answers.length);
  while (performance.now() < end) {
    const n = sim.answers.length;
    // Every item in order, then a few changed again (flagged for review, then unflagged).
    const plan = [...Array(n).keys(), ...Array.from({ length: Math.ceil(n / 2) }, () => Math.floor(Math.random() * n))];
    let open = true;
    for (const [k, position] of plan.entries()) {
      await sleep(thinkMs * (0.5 + Math.random()));
      if (performance.now() >= end) return;
      if (k >= n) sim.flagged[position] = !sim.flagged[position];
      if (!(await save(sim, position))) {
        open = false;
        break;
      }
    }
    if (open) {
      const started = performance.now();
      const r = await send(sim, 'POST', `/api/attempts/${sim.attempt}/submit`);
      latencies.submit.push(performance.now() - started);
      if (r.status === 200) mocksSubmitted++;
      else countError(`HTTP ${r.status} on submit`);
    }
    if (performance.now() < end) await startMock(sim);
  }
}

const cluster = await startDurablePostgres('soak');
try {
  const env = { DATABASE_URL: cluster.url, LOG_LEVEL: 'error' };
  const first = await startChild(serverScript, { ...env, CANDIDATES: String(nCandidates) });
  instances.push({ url: first.info.url, pool: newPool(first.info.url), child: first.child, up: true });
  for (let i = 1; i < nInstances; i++) {
    const more = await startChild(serverScript, { ...env, CANDIDATES: '0' });
    instances.push({ url: more.info.url, pool: newPool(more.info.url), child: more.child, up: true });
  }
  const sims: Sim[] = first.info.candidates.map((c: any, i: number) => {
    const sim = { home: i % nInstances, at: i % nInstances, headers: candidateHeaders(c.token) } as Sim;
    useAttempt(sim, c.attempt, c.answers);
    return sim;
  });
  console.log(`soak: ${nCandidates} candidates, ${nInstances} instances on one PostgreSQL cluster (fsync=${cluster.settings.fsync}, synchronous_commit=${cluster.settings.synchronous_commit}), ${seconds} s, a save every ${thinkMs} ms on average per candidate; instance 0 killed at ${killAt} s`);

  t0 = performance.now();
  end = t0 + seconds * 1000;
  const killer = (async () => {
    if (killAt >= seconds) return;
    await sleep(killAt * 1000);
    const victim = instances[0]!;
    const exited = new Promise<void>((r) => victim.child.once('exit', () => r()));
    victim.up = false;
    victim.child.kill('SIGKILL');
    await exited;
    const killedAt = (performance.now() - t0) / 1000;
    const again = await startChild(serverScript, { ...env, CANDIDATES: '0' });
    void victim.pool.destroy();
    Object.assign(victim, { url: again.info.url, pool: newPool(again.info.url), child: again.child, up: true });
    console.log(`instance 0 killed (SIGKILL) at ${killedAt.toFixed(1)} s, serving again at ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  })();

  const failures: unknown[] = [];
  await Promise.all(sims.map((s) => candidate(s).catch((e: unknown) => void failures.push(e))));
  await killer;

  // Every acknowledged save must be in the store, at its revision or a later one.
  const db = new pg.Client({ connectionString: cluster.url });
  await db.connect();
  const stored = new Map<string, number>();
  const rows = await db.query<{ attempt_id: string; position: number; revision: number }>('select attempt_id, position, revision from answers');
  for (const r of rows.rows) stored.set(`${r.attempt_id} ${r.position}`, r.revision);
  await db.end();
  const violations = [...acked].filter(([key, a]) => (stored.get(key) ?? 0) < a.revision);

  await Promise.all(instances.map((i) => i.pool.close()));
  await Promise.all(instances.map((i) => stopChild(i.child)));

  const f = (x: number) => x.toFixed(1);
  const lat = (xs: number[]) => {
    xs.sort((a, b) => a - b);
    return `p50 ${f(pct(xs, 50))} ms, p99 ${f(pct(xs, 99))} ms, max ${f(xs.at(-1) ?? NaN)} ms`;
  };
  console.log(`saves acknowledged: ${saves} (${Math.round(saves / seconds)}/s), latency ${lat(latencies.save)}`);
  console.log(`mock start latency ${lat(latencies.start)}; submit latency ${lat(latencies.submit)}`);
  console.log(`saves per ${WINDOW_S} s: ${Array.from(perWindow, (n) => n ?? 0).join(' ')}`);
  console.log(`mocks: ${mocksStarted} started through the API (besides the ${nCandidates} created with the candidates), ${mocksSubmitted} submitted`);
  console.log(`(attempt, position) pairs acknowledged: ${acked.size}; stored revision below the last acknowledged: ${violations.length} violations`);
  for (const [key, a] of violations.slice(0, 10)) console.log(`  violation: ${key}: acknowledged ${a.revision}, stored ${stored.get(key) ?? 'none'}`);
  console.log(`failovers: ${failovers} requests sent again to another instance; attempts resumed on another instance: ${resumed.size}`);
  console.log(`errors by kind: ${errors.size === 0 ? 'none' : [...errors].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: ${n}`).join(', ')}`);
  if (failures.length > 0) console.log(`candidates stopped by an error: ${failures.length}, first: ${String(failures[0])}`);
  console.log(`result: ${violations.length === 0 && failures.length === 0 ? 'PASS' : 'FAIL'}`);
  process.exitCode = violations.length === 0 && failures.length === 0 ? 0 : 1;
} finally {
  cluster.stop();
}
