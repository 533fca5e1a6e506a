import { describe, expect, it } from 'vitest';
import { rateLimits } from '../db/repositories/rate-limits.ts';
import { InjectClient } from '../../test/helpers/inject-client.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { buildApp, type AppOptions } from './build-app.ts';

const T0 = Date.parse('2026-12-02T09:00:00Z');
const stores = useStores();
const PASSWORD = 'correct horse battery';

async function setup(store: StoreName, extra: Partial<AppOptions> = {}) {
  const clock = { t: T0 };
  const handle = await stores.open(store);
  const options = { db: handle.db, sqlite: handle.sqlite, exams: [loadExam()], now: () => clock.t, signInLimitPerMinute: 3, ...extra };
  const { app } = await buildApp(options);
  const owner = new InjectClient(app, { address: '10.0.0.1' });
  await owner.signUp('owner@example.com');
  return { app, clock, handle, options };
}

async function signIn(client: InjectClient, password: string) {
  if (!client.csrf) client.csrf = (await client.req('GET', '/api/session')).json().csrfToken;
  return client.req('POST', '/api/auth/signin', { email: 'owner@example.com', password });
}

describe.each(STORES)('sign-in and sign-up limits on %s', (store) => {
  it('never locks the owner out: failures elsewhere refuse the guesser only, and successes never count', async () => {
    const { app } = await setup(store);
    const guesser = new InjectClient(app, { address: '203.0.113.9' });
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await signIn(guesser, `wrong password ${i}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429, 429]);
    const refused = await signIn(guesser, PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const owner = new InjectClient(app, { address: '10.0.0.1' });
    for (let i = 0; i < 5; i++) expect((await signIn(owner, PASSWORD)).statusCode).toBe(200);
  });

  it('slows down, but does not refuse, the owner when many addresses fail on the same email', async () => {
    const { app } = await setup(store);
    for (let i = 0; i < 5; i++) expect((await signIn(new InjectClient(app, { address: `198.51.100.${i}` }), 'not the password')).statusCode).toBe(401);
    const started = performance.now();
    expect((await signIn(new InjectClient(app, { address: '10.0.0.1' }), PASSWORD)).statusCode).toBe(200);
    // Five failures against a limit of three: 2 × 250 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);
  });

  it('shares the counts between instances of the server on the same store', async () => {
    const { app, options } = await setup(store);
    const { app: second } = await buildApp(options);
    for (let i = 0; i < 3; i++) expect((await signIn(new InjectClient(app, { address: '203.0.113.7' }), 'wrong password!')).statusCode).toBe(401);
    expect((await signIn(new InjectClient(second, { address: '203.0.113.7' }), 'wrong password!')).statusCode).toBe(429);
  });

  it('counts each client behind a trusted proxy on its own, and ignores X-Forwarded-For from anyone else', async () => {
    const { app } = await setup(store, { trustProxy: ['127.0.0.1'] });
    const viaProxy = (client: string) => new InjectClient(app, { address: '127.0.0.1', headers: { 'x-forwarded-for': client } });
    for (let i = 0; i < 3; i++) await signIn(viaProxy('192.0.2.10'), 'wrong password!');
    expect((await signIn(viaProxy('192.0.2.10'), 'wrong password!')).statusCode).toBe(429);
    expect((await signIn(viaProxy('192.0.2.11'), 'wrong password!')).statusCode).toBe(401);
    // A client that is not the proxy cannot pick its own address.
    const spoofer = (xff: string) => new InjectClient(app, { address: '203.0.113.50', headers: { 'x-forwarded-for': xff } });
    for (let i = 0; i < 3; i++) await signIn(spoofer(`192.0.2.${100 + i}`), 'wrong password!');
    expect((await signIn(spoofer('192.0.2.200'), 'wrong password!')).statusCode).toBe(429);
  });

  it('limits sign-ups per address, answers an existing email as slowly as a new one, and can close registration', async () => {
    const { app } = await setup(store, { signUpLimitPerHour: 3 });
    const visitor = new InjectClient(app, { address: '192.0.2.1' });
    visitor.csrf = (await visitor.req('GET', '/api/session')).json().csrfToken;
    let started = performance.now();
    expect((await visitor.req('POST', '/api/auth/signup', { email: 'new@example.com', name: 'New', password: PASSWORD })).statusCode).toBe(200);
    const fresh = performance.now() - started;
    started = performance.now();
    const taken = await visitor.req('POST', '/api/auth/signup', { email: 'owner@example.com', name: 'Copy', password: PASSWORD });
    const existing = performance.now() - started;
    expect(taken.statusCode).toBe(409);
    expect(existing).toBeGreaterThan(fresh * 0.5);
    expect((await visitor.req('POST', '/api/auth/signup', { email: 'third@example.com', name: 'Third', password: PASSWORD })).statusCode).toBe(200);
    const over = await visitor.req('POST', '/api/auth/signup', { email: 'fourth@example.com', name: 'Fourth', password: PASSWORD });
    expect(over.statusCode).toBe(429);
    const wait = Number(over.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(over.json().error.message).toBe(`Too many accounts created from this address: try again in ${wait} ${wait === 1 ? 'second' : 'seconds'}.`);

    const closed = await setup(store, { openRegistration: false });
    const stranger = new InjectClient(closed.app, { address: '192.0.2.2' });
    stranger.csrf = (await stranger.req('GET', '/api/session')).json().csrfToken;
    const refused = await stranger.req('POST', '/api/auth/signup', { email: 'stranger@example.com', name: 'S', password: PASSWORD });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('registration-closed');
  });

  it('keeps the counters bounded: windows long past are purged', async () => {
    const { handle } = await setup(store);
    for (let i = 0; i < 50; i++) await rateLimits.add(handle.db, `signin-fail:x${i}@example.com:192.0.2.1`, T0 - 2 * 3_600_000, 60_000);
    await rateLimits.add(handle.db, 'signin-fail:recent@example.com:192.0.2.1', T0, 60_000);
    expect(await rateLimits.purge(handle.db, T0 - 3_600_000)).toBe(50);
    expect((await rateLimits.count(handle.db, 'signin-fail:recent@example.com:192.0.2.1', T0, 60_000)).count).toBe(1);
  });
});
