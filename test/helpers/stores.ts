import { afterAll, beforeAll } from 'vitest';
import { createDatabase, migrateToLatest, type DatabaseHandle } from '../../src/db/create-database.ts';
import { startPostgres, type PostgresCluster } from './postgres-cluster.ts';

export type StoreName = 'sqlite' | 'postgres';
export const STORES: StoreName[] = ['sqlite', 'postgres'];

/**
 * Gives each test a fresh, migrated database of the named store: SQLite in memory, or a new
 * database on one throwaway PostgreSQL cluster per test file.
 */
export function useStores(): { open: (store: StoreName) => Promise<DatabaseHandle> } {
  let cluster: PostgresCluster | undefined;
  let n = 0;
  const opened: DatabaseHandle[] = [];
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    for (const h of opened) await h.close().catch(() => {});
    cluster?.stop();
  });
  return {
    async open(store) {
      const url = store === 'sqlite' ? ':memory:' : await cluster!.createDatabase(`t${process.pid}_${++n}`);
      const handle = createDatabase({ url });
      opened.push(handle);
      await migrateToLatest(handle.db);
      return handle;
    },
  };
}
