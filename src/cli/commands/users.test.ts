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
