// The server under test for bench/autosave and bench/soak: the real app on the store DATABASE_URL names
// (SQLite, synchronous=FULL, or PostgreSQL), with candidates created directly in the store (users,
// sessions, one short mock attempt each), so the sign-in rate limit and password hashing stay out of
// the measurement. Prints one JSON line; at SIGTERM, its autosave batches on stderr. CANDIDATES=0 for
// a further instance on a store that has them already. CPU_PROFILE=DIR writes a CPU profile of the load.
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readConfig } from '../../src/server/config.ts';
import { hashToken } from '../../src/server/plugins/auth-plugin.ts';
import { startServer } from '../../src/server/start-server.ts';
import { sessions } from '../../src/db/repositories/sessions.ts';
import { users } from '../../src/db/repositories/users.ts';
import { answersFor } from '../shared/candidate.ts';

const candidates = Number(process.env.CANDIDATES ?? 256);
const config = readConfig(process.env, { port: 0, logLevel: 'error' });
const server = await startServer(config, () => {});
const now = Date.now();
const out = [];
for (let i = 0; i < candidates; i++) {
  const user = await users.insert(server.handle.db, { id: randomUUID(), email: `bench${i}@example.com`, name: `Bench ${i}`, passwordHash: 'x', locale: 'en', now });
  const token = randomBytes(32).toString('base64url');
  await sessions.insert(server.handle.db, { id: hashToken(token), userId: user.id, now, expires: now + 86_400_000 });
  const view = await server.attempts.start(user, { kind: 'mock', exam: 'mla-c01', profile: 'short' });
  const answers = answersFor(view.items);
  out.push({ token, attempt: view.id, answers });
}
let commitSeconds = 0;
const commitMs: number[] = [];
const told = server.writer.onBatch;
server.writer.onBatch = (size, seconds) => {
  told(size, seconds);
  commitSeconds += seconds;
  commitMs.push(seconds * 1000);
};
// Where a slow save waited: behind the event loop (a long task, a collection) or behind a slow commit.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
// CPU_PROFILE=DIR: a V8 CPU profile of this instance from here (the candidates made) to SIGTERM.
const profiler = process.env.CPU_PROFILE ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
process.stdout.write(JSON.stringify({ url: server.url, candidates: out }) + '\n');
process.on('SIGTERM', () => {
  const s = server.writer.stats;
  commitMs.sort((a, b) => a - b);
  const ms = (x: number | undefined) => +(x ?? NaN).toFixed(1);
  const batch = {
    store: server.handle.store, batches: s.batches, saves: s.saves, maxBatch: s.maxBatch, meanBatch: +(s.saves / s.batches).toFixed(1),
    meanCommitMs: +((1000 * commitSeconds) / s.batches).toFixed(2), p99CommitMs: ms(commitMs[Math.floor(0.99 * commitMs.length)]), maxCommitMs: ms(commitMs.at(-1)),
    loopDelayP99Ms: ms(loopDelay.percentile(99) / 1e6), loopDelayMaxMs: ms(loopDelay.max / 1e6),
  };
  process.stderr.write(JSON.stringify(batch) + '\n');
  const profiled = profiler?.post('Profiler.stop').then(({ profile }) => writeFileSync(path.join(process.env.CPU_PROFILE!, `instance-${process.pid}.cpuprofile`), JSON.stringify(profile)));
  void Promise.resolve(profiled).then(() => server.stop()).then(() => process.exit(0));
});
