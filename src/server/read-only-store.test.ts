import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, migrateToLatest } from '../db/create-database.ts';
import { startPostgres, type PostgresCluster } from '../../test/helpers/postgres-cluster.ts';
import { readConfig } from './config.ts';
import { startServer } from './start-server.ts';

const config = (databaseUrl: string) => readConfig({ DATABASE_URL: databaseUrl, CERTPREP_CONTENT: 'test/fixtures/e2e-bank', PORT: '0', LOG_LEVEL: 'silent' });

/**
 * A read-only store at start-up: the server refuses to start and says why, instead of running and
 * answering every write with a 500.
 */
describe('a store that cannot be written', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.stop());

  it('SQLite on a read-only file system or file: refused at start-up with the file named', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'certprep-ro-'));
    const asRoot = process.getuid?.() === 0;
    // Root ignores file modes, so as root the folder becomes a read-only mount instead.
    if (asRoot) execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir]);
    const file = path.join(dir, 'certprep.db');
    try {
      const handle = createDatabase({ url: file });
      await migrateToLatest(handle.db);
      await handle.close();
      if (asRoot) execFileSync('mount', ['-o', 'remount,ro', dir]);
      else {
        chmodSync(file, 0o444);
        chmodSync(dir, 0o555);
      }
      await expect(startServer(config(file), () => undefined)).rejects.toThrow(`the database ${file} cannot be written`);
    } finally {
      if (asRoot) execFileSync('umount', [dir]);
      else chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('PostgreSQL in read-only mode: refused at start-up', async () => {
    const url = await cluster.createDatabase('readonly_store');
    const handle = createDatabase({ url });
    await migrateToLatest(handle.db);
    await handle.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('ALTER DATABASE readonly_store SET default_transaction_read_only = on');
    await client.end();
    await expect(startServer(config(url), () => undefined)).rejects.toThrow('the PostgreSQL database is read-only for this connection');
  });
});
