import { describe, expect, it } from 'vitest';
import type { AttemptView } from '../core/api/contracts.ts';
import { InjectClient } from '../../test/helpers/inject-client.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { syntheticBank } from '../../test/helpers/synthetic-bank.ts';
import { signedInApp } from '../../test/helpers/test-app.ts';
import { AccountService } from './services/account-service.ts';

const exam = loadExam('mla-c01');
const bank = syntheticBank(exam, 12, 0);
const stores = useStores();
const EMAIL = 'owner@example.com';
const PASSWORD = 'correct horse battery';
const setup = (store: StoreName) => signedInApp(stores, store, { exam, bank, t0: Date.parse('2026-12-03T09:00:00Z'), email: EMAIL });

async function signIn(app: ConstructorParameters<typeof InjectClient>[0], password: string) {
  const c = new InjectClient(app);
  c.csrf = (await c.req('GET', '/api/session')).json().csrfToken;
  return { client: c, res: await c.req('POST', '/api/auth/signin', { email: EMAIL, password }) };
}

async function practiseSome(client: InjectClient, clock: { t: number }) {
  const view = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 3, feedback: 'end' })).json() as AttemptView;
  await client.answerAll(view);
  clock.t += 60_000;
  await client.req('PUT', `/api/attempts/${view.id}/time`, { times: [{ position: 0, ms: 42_000 }] });
  await client.req('POST', `/api/attempts/${view.id}/submit`);
}

describe.each(STORES)('the account, on %s', (store) => {
  it('changes the password: the current one is checked, the policy applies, other sessions end and this one stays', async () => {
    const { client, app } = await setup(store);
    const other = await signIn(app, PASSWORD);
    expect(other.res.statusCode).toBe(200);
    const wrong = await client.req('PUT', '/api/account/password', { current: 'not the password', next: 'a brand new passphrase' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.message).toBe('The current password is wrong.');
    const weak = await client.req('PUT', '/api/account/password', { current: PASSWORD, next: 'owner@example.com!' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/^new password: /);
    const ok = await client.req('PUT', '/api/account/password', { current: PASSWORD, next: 'a brand new passphrase' });
    expect(ok.json()).toEqual({ otherSessionsEnded: 1 });
    expect((await client.req('GET', '/api/session')).json().user.email).toBe(EMAIL);
    expect((await other.client.req('GET', '/api/session')).json().user).toBeNull();
    expect((await signIn(app, PASSWORD)).res.statusCode).toBe(401);
    expect((await signIn(app, 'a brand new passphrase')).res.statusCode).toBe(200);
  });

  it('exports everything stored about the user as JSON', async () => {
    const { client, clock } = await setup(store);
    await practiseSome(client, clock);
    const res = await client.req('GET', '/api/account/export');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="certprep-account-\d{4}-\d\d-\d\d\.json"$/);
    const data = res.json();
    expect(data.account.email).toBe(EMAIL);
    expect(data.attempts).toHaveLength(1);
    expect(data.attempts[0].answers).toHaveLength(3);
    expect(data.attempts[0].secondsOnScreen).toEqual({ '0': 42 });
    expect(data.responses).toHaveLength(3);
    expect(JSON.stringify(data)).not.toMatch(/password/i);
  });

  it('deletes the account with its answers, keeping responses anonymised only when the user agrees', async () => {
    for (const keep of [false, true]) {
      const { client, app, db, clock } = await setup(store);
      await practiseSome(client, clock);
      const wrong = await client.req('POST', '/api/account/delete', { password: 'nope', keepAnonymisedAnswers: keep });
      expect(wrong.statusCode).toBe(403);
      expect((await client.req('POST', '/api/account/delete', { password: PASSWORD, keepAnonymisedAnswers: keep })).statusCode).toBe(204);
      expect((await client.req('GET', '/api/session')).json().user).toBeNull();
      expect((await signIn(app, PASSWORD)).res.statusCode).toBe(401);
      expect(await db.selectFrom('users').select('id').where('email', '=', EMAIL).execute()).toEqual([]);
      expect(await db.selectFrom('answers').selectAll().execute()).toEqual([]);
      expect(await db.selectFrom('question_time').selectAll().execute()).toEqual([]);
      const responses = await db.selectFrom('responses').select('user_id').execute();
      if (!keep) expect(responses).toEqual([]);
      else {
        expect(responses).toHaveLength(3);
        const standIn = await db.selectFrom('users').selectAll().where('id', '=', responses[0]!.user_id).executeTakeFirstOrThrow();
        expect(standIn).toMatchObject({ name: '', password_hash: '!' });
        expect(standIn.email).toMatch(/^anonymous-[0-9a-f-]+@deleted\.invalid$/);
      }
    }
  });

  it('keeps the theme and the calibration consent with the account: unticked unless agreed at sign-up, changeable later', async () => {
    const { client, app } = await setup(store);
    expect((await client.req('GET', '/api/session')).json().user).toMatchObject({ theme: 'system', calibrationConsent: false });
    const dark = await client.req('PUT', '/api/session/preferences', { theme: 'dark' });
    expect(dark.json().user).toMatchObject({ theme: 'dark', calibrationConsent: false });
    await client.req('PUT', '/api/session/preferences', { calibrationConsent: true });
    // Another browser signing in finds both.
    expect((await signIn(app, PASSWORD)).res.json().user).toMatchObject({ theme: 'dark', calibrationConsent: true });
    const bad = await client.req('PUT', '/api/session/preferences', { theme: 'neon' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/theme/);
    expect((await client.req('PUT', '/api/session/preferences', {})).statusCode).toBe(400);

    const agreeing = new InjectClient(app);
    agreeing.csrf = (await agreeing.req('GET', '/api/session')).json().csrfToken;
    const signedUp = await agreeing.req('POST', '/api/auth/signup', { email: 'agrees@example.com', name: 'Agrees', password: PASSWORD, calibrationConsent: true });
    expect(signedUp.json().user).toMatchObject({ calibrationConsent: true, theme: 'system' });
  });

  it('lets an administrator reset a password: a new random one, every session ended', async () => {
    const { client, db } = await setup(store);
    const { user, password } = await new AccountService({ db, now: Date.now }).resetPassword(' Owner@Example.com ');
    expect(user.email).toBe(EMAIL);
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect((await client.req('GET', '/api/session')).json().user).toBeNull();
    await expect(new AccountService({ db, now: Date.now }).resetPassword('nobody@example.com')).rejects.toThrow(/nobody@example.com/);
  });
});
