// The server under test for bench/autosave and bench/soak: the real app on the store DATABASE_URL names
// (SQLite, synchronous=FULL, or PostgreSQL), with candidates created directly in the store (users,
// sessions, one short mock attempt each), so the sign-in rate limit and password hashing stay out of
// the measurement. Prints one JSON line; at SIGTERM, its autosave batches on stderr. CANDIDATES=0 for
// a further instance on a store that has them already.
import { randomBytes, randomUUID } from 'node:crypto';
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
const told = server.writer.onBatch;
server.writer.onBatch = (size, seconds) => {
  told(size, seconds);
  commitSeconds += seconds;
};
process.stdout.write(JSON.stringify({ url: server.url, candidates: out }) + '\n');
process.on('SIGTERM', () => {
  const s = server.writer.stats;
  const batch = { store: server.handle.store, batches: s.batches, saves: s.saves, maxBatch: s.maxBatch, meanBatch: +(s.saves / s.batches).toFixed(1), meanCommitMs: +((1000 * commitSeconds) / s.batches).toFixed(2) };
  process.stderr.write(JSON.stringify(batch) + '\n');
  void server.stop().then(() => process.exit(0));
});
