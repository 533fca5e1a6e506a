import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, migrateToLatest } from '../db/create-database.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { buildApp } from './build-app.ts';

const web = mkdtempSync(path.join(tmpdir(), 'certprep-web-'));
writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>t</title>');
writeFileSync(path.join(web, 'app.js'), 'console.log(1)');
writeFileSync(path.join(web, 'app.js.map'), '{"sources":["secret.ts"]}');
afterAll(() => rmSync(web, { recursive: true, force: true }));

async function app(secureCookies = false) {
  const handle = createDatabase({ url: ':memory:' });
  await migrateToLatest(handle.db);
  const logs: string[] = [];
  const built = await buildApp({ db: handle.db, sqlite: handle.sqlite, exams: [loadExam()], secureCookies, webDir: web });
  built.app.addHook('onError', async (_req, _reply, err) => void logs.push(String(err)));
  return { app: built.app, logs };
}

describe('HTTP hardening', () => {
  it('sends security headers: a same-origin CSP without framing, nosniff, no referrer; HSTS only behind HTTPS', async () => {
    const { app: plain } = await app(false);
    for (const url of ['/api/session', '/']) {
      const res = await plain.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    const { app: https } = await app(true);
    expect((await https.inject({ method: 'GET', url: '/api/session' })).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('refuses an Origin of "null", a malformed one or a non-web scheme with 403, not a 500', async () => {
    const { app: a, logs } = await app();
    const session = await a.inject({ method: 'GET', url: '/api/session' });
    const csrf = session.json().csrfToken as string;
    const cookie = `certprep_csrf=${csrf}`;
    for (const origin of ['null', '::::', 'file:///etc/passwd', 'http://evil.example']) {
      const res = await a.inject({ method: 'POST', url: '/api/auth/signin', headers: { origin, cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, payload: '{"email":"a@example.com","password":"x"}' });
      expect(res.statusCode, origin).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'csrf', message: 'Cross-site request refused.' });
    }
    // Refused as a request error, not thrown from URL parsing (which answered 500 with a stack trace).
    expect(logs.filter((l) => !l.startsWith('AppError: Cross-site request refused.'))).toEqual([]);
  });

  it('serves the web app but never its source maps', async () => {
    const { app: a } = await app();
    expect((await a.inject({ method: 'GET', url: '/app.js' })).statusCode).toBe(200);
    const map = await a.inject({ method: 'GET', url: '/app.js.map' });
    expect(map.body).not.toContain('secret.ts');
  });
});
