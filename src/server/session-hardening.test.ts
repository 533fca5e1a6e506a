import { describe, expect, it } from 'vitest';
import { sessions } from '../db/repositories/sessions.ts';
import { InjectClient } from '../../test/helpers/inject-client.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { items } from '../db/repositories/items.ts';
import { syntheticBank } from '../../test/helpers/synthetic-bank.ts';
import { buildApp } from './build-app.ts';

const exam = loadExam('mla-c01');
const T0 = Date.parse('2026-12-02T09:00:00Z');
const HOUR = 3_600_000;
const stores = useStores();

async function setup(store: StoreName, idleHours = 24) {
  const clock = { t: T0 };
  const handle = await stores.open(store);
  await items.load(handle.db, 'bank', syntheticBank(exam, 12, 0), T0);
  const built = await buildApp({ db: handle.db, sqlite: handle.sqlite, exams: [exam], now: () => clock.t, sessionIdleHours: idleHours });
  return { ...built, db: handle.db, clock };
}

describe.each(STORES)('sessions and sign-up on %s', (store) => {
  it('expires a session unused for 24 hours; activity keeps it alive', async () => {
    const { app, clock } = await setup(store);
    const client = new InjectClient(app);
    await client.signUp('idle@example.com');
    clock.t += 20 * HOUR;
    expect((await client.req('GET', '/api/progress')).statusCode).toBe(200);
    clock.t += 20 * HOUR;
    expect((await client.req('GET', '/api/progress')).statusCode).toBe(200);
    clock.t += 25 * HOUR;
    const idle = await client.req('GET', '/api/progress');
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.code).toBe('session-expired');
  });

  it('keeps an idle session alive while a timed attempt runs, not after', async () => {
    const { app, clock } = await setup(store, 1);
    const client = new InjectClient(app);
    await client.signUp('timed@example.com');
    const started = await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 5, minutes: 300, feedback: 'end' });
    expect(started.statusCode).toBe(201);
    clock.t += 4 * HOUR;
    expect((await client.req('GET', `/api/attempts/${started.json().id}`)).statusCode).toBe(200);
    clock.t += 6 * HOUR;
    expect((await client.req('GET', '/api/progress')).statusCode).toBe(401);
  });

  it('signs out everywhere: every session of the user ends, on this instance at once', async () => {
    const { app } = await setup(store);
    const laptop = new InjectClient(app);
    await laptop.signUp('everywhere@example.com');
    const phone = new InjectClient(app);
    phone.csrf = (await phone.req('GET', '/api/session')).json().csrfToken;
    expect((await phone.req('POST', '/api/auth/signin', { email: 'everywhere@example.com', password: 'correct horse battery' })).statusCode).toBe(200);
    expect((await phone.req('GET', '/api/session')).json().user).not.toBeNull();
    const out = await laptop.req('POST', '/api/auth/signout-all');
    expect(out.statusCode).toBe(200);
    expect(out.json().user).toBeNull();
    expect((await phone.req('GET', '/api/session')).json().user).toBeNull();
    expect((await laptop.req('GET', '/api/progress')).statusCode).toBe(401);
  });

  it('purges sessions past their lifetime or long idle, and keeps the others', async () => {
    const { db } = await setup(store);
    await db.insertInto('users').values({ id: 'u', email: 'u@example.com', name: 'U', password_hash: 'x', locale: 'en', created_ms: T0, exam: null, exam_date: null }).execute();
    await sessions.insert(db, { id: 'fresh', userId: 'u', now: T0, expires: T0 + 30 * 24 * HOUR });
    await sessions.insert(db, { id: 'old', userId: 'u', now: T0 - 40 * 24 * HOUR, expires: T0 - 10 * 24 * HOUR });
    await sessions.insert(db, { id: 'idle', userId: 'u', now: T0 - 3 * 24 * HOUR, expires: T0 + 27 * 24 * HOUR });
    expect(await sessions.deleteExpired(db, T0, 48 * HOUR)).toBe(2);
    expect((await db.selectFrom('sessions').select('id').execute()).map((r) => r.id)).toEqual(['fresh']);
  });

  it('refuses weak passwords and names with control or formatting characters, saying why', async () => {
    const { app } = await setup(store);
    const client = new InjectClient(app);
    client.csrf = (await client.req('GET', '/api/session')).json().csrfToken;
    const cases: [Record<string, string>, string][] = [
      [{ email: 'w@example.com', name: 'W', password: '          ' }, 'password: must not be only spaces'],
      [{ email: 'w@example.com', name: 'W', password: 'aaaaaaaaaa' }, 'password: must not repeat one character'],
      [{ email: 'w@example.com', name: 'W', password: 'password123' }, 'password: is one of the most common passwords: choose another'],
      [{ email: 'w@example.com', name: 'Eve\u202Egnp.exe', password: 'correct horse battery' }, 'name: must not contain control or formatting characters'],
    ];
    for (const [body, message] of cases) {
      const r = await client.req('POST', '/api/auth/signup', body);
      expect(r.statusCode, message).toBe(400);
      expect(r.json().error.message).toContain(message);
    }
    expect((await client.req('GET', '/api/session')).json().firstRun).toBe(true);
  });
});
