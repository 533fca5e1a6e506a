import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';
import { isLoopbackHost, startServer } from './start-server.ts';

const config = (file: string, host: string) => readConfig({ DATABASE_URL: file, CERTPREP_CONTENT: 'test/fixtures/e2e-bank', PORT: '0', HOST: host, LOG_LEVEL: 'silent' });

describe('the first administrator at start-up', () => {
  it('knows a loopback address from one others can reach', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', '::', '192.168.1.10', 'certprep.example.com', '127.0.0.1.evil.com'].map(isLoopbackHost)).toEqual([false, false, false, false, false]);
  });

  it('prints a one-time setup code on a server others can reach, none on a laptop server', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'certprep-first-admin-')), 'store.db');
    const lines: string[] = [];
    const open = await startServer(config(file, '0.0.0.0'), (l) => lines.push(l));
    await open.stop();
    const code = lines.join('\n').match(/enter this one-time setup code under Settings, Administration: ([A-Z2-9-]{24})$/m)?.[1];
    expect(code, lines.join('\n')).toBeDefined();

    const laptop: string[] = [];
    const local = await startServer(config(path.join(path.dirname(file), 'other.db'), '127.0.0.1'), (l) => laptop.push(l));
    await local.stop();
    expect(laptop.join('\n')).not.toContain('setup code');
  });
});
