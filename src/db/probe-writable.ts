import { sql } from 'kysely';
import type { DatabaseHandle } from './create-database.ts';

export class ReadOnlyDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadOnlyDatabaseError';
  }
}

/** An error opening or writing a SQLite file, turned into a message that says what to check. */
export function storeAccessError(file: string, e: unknown): Error {
  const code = (e as { code?: string }).code ?? '';
  if (/READONLY|CANTOPEN|PERM|IOERR/.test(code)) {
    return new ReadOnlyDatabaseError(`the database ${file} cannot be written (${code}): certprep needs write access to it and to its folder (check the file's permissions and the mount)`);
  }
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * Fails fast when the store cannot be written (a read-only file or mount, a read-only PostgreSQL
 * role or replica): otherwise the server would say it runs and answer every write with a 500.
 * SQLite: a table created inside a transaction that is rolled back; PostgreSQL: the session's
 * `transaction_read_only`.
 */
export async function probeWritable(handle: DatabaseHandle): Promise<void> {
  if (handle.sqlite) {
    const { connection, file } = handle.sqlite;
    try {
      connection.exec('BEGIN IMMEDIATE');
      try {
        connection.exec('CREATE TABLE certprep_write_probe (x INTEGER)');
      } finally {
        connection.exec('ROLLBACK');
      }
    } catch (e) {
      throw storeAccessError(file, e);
    }
    return;
  }
  const r = await sql<{ transaction_read_only: string }>`show transaction_read_only`.execute(handle.db);
  if (r.rows[0]?.transaction_read_only === 'on') {
    throw new ReadOnlyDatabaseError('the PostgreSQL database is read-only for this connection (a replica, or a read-only role or setting): certprep needs to write to it');
  }
}
