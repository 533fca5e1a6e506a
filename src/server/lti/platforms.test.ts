import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../core/api/contracts.ts';
import { ltiCommand } from '../../cli/commands/lti.ts';
import { accountsApp } from '../../../test/helpers/accounts-app.ts';
import { captureConsole } from '../../../test/helpers/capture-console.ts';
import { loadExam } from '../../../test/helpers/load-exam.ts';
import { STORES, useStores } from '../../../test/helpers/stores.ts';

const exam = loadExam('mla-c02');
const stores = useStores();
const moodle = { issuer: 'https://moodle.example.edu', clientId: 'abc123', deploymentIds: ['1', '2'], authUrl: 'https://moodle.example.edu/mod/lti/auth.php', tokenUrl: 'https://moodle.example.edu/mod/lti/token.php', jwksUrl: 'https://moodle.example.edu/mod/lti/certs.php' };

describe.each(STORES)('LTI platforms, on %s', (store) => {
  it('an administrator registers, lists and removes a platform; a second registration of the same one is refused', async () => {
    const { signUp } = await accountsApp(stores, store, { exam, t0: Date.parse('2026-12-03T09:00:00Z') });
    const admin = await signUp('admin@example.com');
    const created = await admin.req('POST', '/api/admin/lti/platforms', moodle);
    expect(created.statusCode, created.body).toBe(201);
    const platform = created.json() as Platform;
    expect(platform).toMatchObject({ ...moodle, registeredAt: '2026-12-03T09:00:00.000Z' });
    expect((await admin.req('POST', '/api/admin/lti/platforms', moodle)).json().error.code).toBe('platform-exists');
    const insecure = await admin.req('POST', '/api/admin/lti/platforms', { ...moodle, clientId: 'other', jwksUrl: 'http://moodle.example.edu/certs' });
    expect([insecure.statusCode, JSON.stringify(insecure.json())]).toEqual([400, expect.stringContaining('must start with https://')]);
    expect((await admin.req('GET', '/api/admin/lti/platforms')).json()).toEqual([platform]);
    expect((await admin.req('POST', `/api/admin/lti/platforms/${platform.id}/delete`)).statusCode).toBe(204);
    expect((await admin.req('GET', '/api/admin/lti/platforms')).json()).toEqual([]);
    const candidate = await signUp('cand@example.com');
    expect((await candidate.req('GET', '/api/admin/lti/platforms')).statusCode).toBe(403);
  });
});

describe('certprep lti', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lti-cli-'));
    ({ out, err } = captureConsole());
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers a platform from flags, lists it, and names each bad flag', async () => {
    const db = ['--database', path.join(dir, 'store.db')];
    const flags = ['--issuer', moodle.issuer, '--client-id', moodle.clientId, '--deployment', '1', '--deployment', '2', '--auth-url', moodle.authUrl, '--token-url', moodle.tokenUrl, '--jwks-url', moodle.jwksUrl];
    expect(await ltiCommand(['register', ...flags, ...db])).toBe(0);
    expect(out.at(-1)).toMatch(/^registered https:\/\/moodle\.example\.edu \(client id abc123, deployments 1, 2\) as [0-9a-f-]{36}$/);
    expect(await ltiCommand(['platforms', ...db])).toBe(0);
    expect(out.at(-1)).toMatch(/ https:\/\/moodle\.example\.edu {2}client abc123 {2}deployments 1,2$/);
    expect(await ltiCommand(['register', ...flags, ...db])).toBe(1);
    expect(err.at(-1)).toContain('already registered');
    expect(await ltiCommand(['register', '--issuer', 'moodle', ...db])).toBe(2);
    expect(err).toContain('certprep lti register: --issuer: is not a web address');
    expect(err).toContain('certprep lti register: --deployment: name at least one deployment id');
  });
});
