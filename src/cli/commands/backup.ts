import { parseArgs } from 'node:util';
import { isPostgresUrl } from '../../db/create-database.ts';
import { backupSqlite, restoreSqlite } from '../../db/sqlite-backup.ts';

const PG_HINT = 'PostgreSQL stores are backed up with pg_dump and restored with pg_restore (docs/OPERATIONS.md).';

/** `certprep backup FILE [--database URL]`: a consistent copy of the live SQLite store while the server runs. */
export async function backupCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { database: { type: 'string' } } });
  const url = values.database ?? process.env.DATABASE_URL ?? './data/certprep.db';
  if (positionals.length !== 1) {
    console.error('usage: certprep backup FILE [--database URL]');
    return 2;
  }
  if (isPostgresUrl(url)) {
    console.error(`certprep backup: ${PG_HINT}`);
    return 2;
  }
  try {
    const { bytes } = backupSqlite(url, positionals[0]!);
    console.log(`backed up ${url} to ${positionals[0]} (${Math.round(bytes / 1024)} KB)`);
    return 0;
  } catch (e) {
    console.error(`certprep backup: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

/** `certprep restore FILE [--database URL]`: puts a backup in place of the SQLite store; the server must be stopped. */
export async function restoreCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { database: { type: 'string' } } });
  const url = values.database ?? process.env.DATABASE_URL ?? './data/certprep.db';
  if (positionals.length !== 1) {
    console.error('usage: certprep restore FILE [--database URL]   (stop the server first)');
    return 2;
  }
  if (isPostgresUrl(url)) {
    console.error(`certprep restore: ${PG_HINT}`);
    return 2;
  }
  try {
    restoreSqlite(positionals[0]!, url);
    console.log(`restored ${positionals[0]} into ${url}; start the server to use it`);
    return 0;
  } catch (e) {
    console.error(`certprep restore: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
