import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { accountsApp } from '../../../test/helpers/accounts-app.ts';
import { loadExam } from '../../../test/helpers/load-exam.ts';
import { STORES, useStores } from '../../../test/helpers/stores.ts';
import { RETIRED_KEY_GRACE_MS, ToolKeys } from './tool-keys.ts';

const exam = loadExam('mla-c02');
const stores = useStores();
const T0 = Date.parse('2026-12-03T09:00:00Z');

describe.each(STORES)('the LTI tool keys, on %s', (store) => {
  it('publishes its signing key as a JWKS without any private part; after a rotation the old key verifies for a day more', async () => {
    const { app, db, clock } = await accountsApp(stores, store, { exam, t0: T0 });
    const keys = new ToolKeys({ db, now: () => clock.t });
    const jwks = async () => (await app.inject({ method: 'GET', url: '/lti/jwks' })).json() as { keys: Record<string, string>[] };
    const first = await jwks();
    expect(first.keys).toHaveLength(1);
    expect(first.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(first.keys[0]).not.toHaveProperty(secret);
    expect((await jwks()).keys).toEqual(first.keys); // the same key every time, on every instance (it is in the store)

    const sign = async () => {
      const { kid, key } = await keys.signingKey();
      return new SignJWT({ hello: 'platform' }).setProtectedHeader({ alg: 'RS256', kid }).setIssuedAt().sign(key);
    };
    const before = await sign();
    await expect(jwtVerify(before, createLocalJWKSet(await jwks()))).resolves.toMatchObject({ protectedHeader: { kid: first.keys[0]!.kid } });

    const kid = await keys.rotate();
    const both = await jwks();
    expect(both.keys.map((k) => k.kid)).toEqual([kid, first.keys[0]!.kid]);
    const after = await sign();
    await expect(jwtVerify(after, createLocalJWKSet(both))).resolves.toMatchObject({ protectedHeader: { kid } });
    await expect(jwtVerify(before, createLocalJWKSet(both))).resolves.toBeTruthy();
    // A day later the retired key is no longer published: what it signed no longer verifies.
    clock.t += RETIRED_KEY_GRACE_MS + 1;
    const later = await jwks();
    expect(later.keys.map((k) => k.kid)).toEqual([kid]);
    await expect(jwtVerify(before, createLocalJWKSet(later))).rejects.toThrow();
  });
});
