import { parseArgs } from 'node:util';
import { isPostgresUrl } from '../../db/create-database.ts';
import { backupSqlite, restoreSqlite } from '../../db/sqlite-backup.ts';
import { storeUrl } from '../open-store.ts';

const PG_HINT = 'PostgreSQL stores are backed up with pg_dump and restored with pg_restore (docs/OPERATIONS.md).';

/** `certprep backup FILE [--database URL]`: a consistent copy of the live SQLite store while the server runs. */
export const backupCommand = (argv: string[]) =>
  sqliteFileCommand(argv, 'backup', 'usage: certprep backup FILE [--database URL]', (url, file) => {
    const { bytes } = backupSqlite(url, file);
    return `backed up ${url} to ${file} (${Math.round(bytes / 1024)} KB)`;
  });

/** `certprep restore FILE [--database URL]`: puts a backup in place of the SQLite store; the server must be stopped. */
export const restoreCommand = (argv: string[]) =>
  sqliteFileCommand(argv, 'restore', 'usage: certprep restore FILE [--database URL]   (stop the server first)', (url, file) => {
    restoreSqlite(file, url);
    return `restored ${file} into ${url}; start the server to use it`;
  });

/** The shared shape of both: one FILE, the store from `--database`, SQLite only; `run` says what it did. */
async function sqliteFileCommand(argv: string[], name: string, usage: string, run: (url: string, file: string) => string): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { database: { type: 'string' } } });
  const url = storeUrl(values.database);
  if (positionals.length !== 1) {
    console.error(usage);
    return 2;
  }
  if (isPostgresUrl(url)) {
    console.error(`certprep ${name}: ${PG_HINT}`);
    return 2;
  }
  try {
    console.log(run(url, positionals[0]!));
    return 0;
  } catch (e) {
    console.error(`certprep ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
