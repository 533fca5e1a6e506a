import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/services/password-hash.ts';
import { users } from '../../db/repositories/users.ts';
import { openStore } from '../open-store.ts';

const root = path.resolve(import.meta.dirname, '../../..');
function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'users', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('certprep users reset-password', () => {
  it('sets a new random password that signs in, and says when no account has the email', async () => {
    const database = path.join(mkdtempSync(path.join(tmpdir(), 'certprep-users-')), 'store.db');
    const handle = await openStore(database);
    await users.insert(handle.db, { id: 'u1', email: 'lost@example.com', name: 'Lost', passwordHash: await hashPassword('forgotten passphrase'), locale: 'en', now: 0 });
    await handle.close();

    const ok = run('reset-password', 'lost@example.com', '--database', database);
    expect(ok.code, ok.err).toBe(0);
    const password = /^New password for lost@example\.com: (\S+)$/m.exec(ok.out)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const after = await openStore(database);
    const hash = (await users.passwordHash(after.db, 'u1'))!;
    await after.close();
    await expect(verifyPassword(password!, hash)).resolves.toBe(true);
    await expect(verifyPassword('forgotten passphrase', hash)).resolves.toBe(false);

    const missing = run('reset-password', 'nobody@example.com', '--database', database);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no account has the email nobody@example.com');
    expect(run('reset-password').code).toBe(2);
  }, 60_000);
});

describe('certprep users create-admin and role', () => {
  it('creates the first administrator with a printed password, gives and takes roles, and keeps the last administrator', async () => {
    const database = path.join(mkdtempSync(path.join(tmpdir(), 'certprep-admin-')), 'store.db');
    await (await openStore(database)).close();

    const created = run('create-admin', 'Boss@Example.com', '--name', 'Boss', '--database', database);
    expect(created.code, created.err).toBe(0);
    const password = /^Created boss@example\.com, administrator, with the password: (\S+)$/m.exec(created.out)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const check = await openStore(database);
    const boss = (await users.byEmail(check.db, 'boss@example.com'))!;
    await users.insert(check.db, { id: 'u2', email: 'tina@example.com', name: 'Tina', passwordHash: await hashPassword('some long passphrase'), locale: 'en', now: 0 });
    await check.close();
    expect(boss.roles).toEqual(['admin']);
    await expect(verifyPassword(password!, boss.passwordHash)).resolves.toBe(true);

    expect(run('role', 'tina@example.com', 'tutor', '--database', database).out).toBe('tina@example.com: tutor.\n');
    expect(run('role', 'tina@example.com', 'author', '--database', database).out).toBe('tina@example.com: tutor, author.\n');
    expect(run('role', 'tina@example.com', 'tutor', '--remove', '--database', database).out).toBe('tina@example.com: author.\n');
    // An existing account is promoted, its password untouched.
    expect(run('create-admin', 'tina@example.com', '--database', database).out).toBe('tina@example.com is now an administrator.\n');

    const last = run('role', 'tina@example.com', 'admin', '--remove', '--database', database);
    expect(last.code).toBe(0);
    const refused = run('role', 'boss@example.com', 'admin', '--remove', '--database', database);
    expect([refused.code, refused.err.trim()]).toEqual([1, 'certprep users: This is the only administrator: give another account the administrator role first.']);
    const typo = run('role', 'tina@example.com', 'teacher', '--database', database);
    expect([typo.code, typo.err.trim()]).toEqual([2, 'certprep users: "teacher" is not a role; the roles are tutor, author, admin (everyone is a candidate).']);
    expect(run('role', 'nobody@example.com', 'tutor', '--database', database).code).toBe(1);
    expect(run('create-admin', 'not-an-email', '--database', database).code).toBe(1);
  }, 90_000);
});
