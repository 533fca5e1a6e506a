import { createDatabase, migrateToLatest, type DatabaseHandle } from '../db/create-database.ts';

/** The store the commands share: `--database`, else DATABASE_URL, else ./data/certprep.db. */
export const storeUrl = (flag?: string): string => flag ?? process.env.DATABASE_URL ?? './data/certprep.db';

/** Opens the store the commands share (`storeUrl`), migrated. */
export async function openStore(url?: string): Promise<DatabaseHandle> {
  const handle = createDatabase({ url: storeUrl(url) });
  try {
    await migrateToLatest(handle.db);
  } catch (e) {
    await handle.close();
    throw e;
  }
  return handle;
}
