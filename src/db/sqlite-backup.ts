import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

/**
 * A consistent copy of a live SQLite store: `VACUUM INTO` reads one snapshot in a read transaction, so the
 * server keeps saving meanwhile (WAL: readers never block the writer) and the copy holds exactly what was
 * committed when it began. The copy is written beside the target and renamed, so a failed backup leaves
 * no half-written file.
 */
export function backupSqlite(source: string, target: string): { bytes: number } {
  if (!existsSync(source)) throw new Error(`no SQLite store at ${source}`);
  if (existsSync(target)) throw new Error(`${target} already exists: choose a new file`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(partial);
  } finally {
    db.close();
  }
  renameSync(partial, target);
  return { bytes: statSync(target).size };
}

/**
 * Puts a backup in place of a store (the server stopped): the file must be an intact certprep store
 * (integrity check, its migrations table); it is copied beside the store and renamed over it, and the old
 * store's WAL files are removed, so the store is either the old one or the backup, never a mix.
 */
export function restoreSqlite(backup: string, target: string): void {
  if (!existsSync(backup)) throw new Error(`no backup at ${backup}`);
  const check = new SQLite(backup, { readonly: true, fileMustExist: true });
  try {
    const ok = check.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`${backup} is damaged: ${String(ok)}`);
    const migrations = check.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'").get() as { n: number };
    if (migrations.n !== 1) throw new Error(`${backup} is not a certprep store (no migrations table)`);
    const partial = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.restoring`);
    rmSync(partial, { force: true });
    check.prepare('VACUUM INTO ?').run(partial);
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(partial, target);
  } finally {
    check.close();
  }
}
