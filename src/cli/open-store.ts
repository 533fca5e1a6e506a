import { createDatabase, migrateToLatest, type DatabaseHandle } from '../db/create-database.ts';

/** Opens the store the commands share (`--database`, else DATABASE_URL, else ./data/certprep.db), migrated. */
export async function openStore(url?: string): Promise<DatabaseHandle> {
  const handle = createDatabase({ url: url ?? process.env.DATABASE_URL ?? './data/certprep.db' });
  try {
    await migrateToLatest(handle.db);
  } catch (e) {
    await handle.close();
    throw e;
  }
  return handle;
}
