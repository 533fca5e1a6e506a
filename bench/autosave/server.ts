// The server under test for bench/autosave: the real app on SQLite (synchronous=FULL), with
// candidates created directly in the store (users, sessions, one short mock attempt each), so the
// sign-in rate limit and password hashing stay out of the measurement. Prints one JSON line.
import { randomBytes, randomUUID } from 'node:crypto';
import { readConfig } from '../../src/server/config.ts';
import { hashToken } from '../../src/server/plugins/auth-plugin.ts';
import { startServer } from '../../src/server/start-server.ts';
import { sessions } from '../../src/db/repositories/sessions.ts';
import { users } from '../../src/db/repositories/users.ts';

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
  // One valid answer per item, whatever its type, in presentation ids.
  const answers = view.items.map((it) =>
    it.type === 'single' ? { choice: it.options![0]!.id }
    : it.type === 'multiple' ? { choices: it.options!.slice(0, it.select!).map((o) => o.id) }
    : it.type === 'ordering' ? { order: it.steps!.map((s) => s.id) }
    : { pairs: Object.fromEntries(it.prompts!.map((p, k) => [p.id, it.responses![k]!.id])) },
  );
  out.push({ token, attempt: view.id, answers });
}
process.stdout.write(JSON.stringify({ url: server.url, candidates: out }) + '\n');
process.on('SIGTERM', () => {
  const s = server.writer.stats;
  process.stderr.write(JSON.stringify({ batches: s.batches, saves: s.saves, maxBatch: s.maxBatch }) + '\n');
  void server.stop().then(() => process.exit(0));
});
