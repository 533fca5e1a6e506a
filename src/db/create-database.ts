import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import * as m001 from './migrations/001-initial.ts';
import * as m002 from './migrations/002-measurement.ts';
import * as m003 from './migrations/003-exam-choice.ts';
import * as m004 from './migrations/004-revealed-keys.ts';
import * as m005 from './migrations/005-session-activity.ts';
import * as m006 from './migrations/006-rate-limits.ts';
import * as m007 from './migrations/007-attempt-timing.ts';
import * as m008 from './migrations/008-calibration-admission.ts';
import * as m009 from './migrations/009-attempt-scope.ts';
import * as m010 from './migrations/010-attempt-pause.ts';
import * as m011 from './migrations/011-question-time.ts';
import * as m012 from './migrations/012-user-preferences.ts';
import * as m013 from './migrations/013-item-notes.ts';
import * as m014 from './migrations/014-study-path.ts';
import * as m015 from './migrations/015-unsure-answers.ts';
import * as m016 from './migrations/016-study-plans.ts';
import * as m017 from './migrations/017-exam-results.ts';
import * as m018 from './migrations/018-user-roles.ts';
import * as m019 from './migrations/019-cohorts.ts';
import * as m020 from './migrations/020-assignments.ts';
import * as m021 from './migrations/021-project-submissions.ts';
import * as m022 from './migrations/022-key-disputes.ts';
import * as m023 from './migrations/023-discussions.ts';
import * as m024 from './migrations/024-item-drafts.ts';
import * as m025 from './migrations/025-lti-keys.ts';
import * as m026 from './migrations/026-lti-platforms.ts';
import * as m027 from './migrations/027-lti-launches.ts';
import * as m028 from './migrations/028-lti-registrations.ts';
import * as m029 from './migrations/029-lti-grading-progress.ts';
import { storeAccessError } from './probe-writable.ts';
import type { Database } from './schema.ts';

export type Store = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  store: Store;
  /** SQLite only: the better-sqlite3 connection, its file and its synchronous setting (for the answer writer). */
  sqlite?: { connection: SQLite.Database; file: string; synchronous: 'FULL' | 'NORMAL' };
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://...` or a SQLite file path (`:memory:` for tests). */
  url: string;
  /** SQLite: FULL makes every commit durable (fsync of the WAL); NORMAL may lose the last commits on power loss. */
  sqliteSynchronous?: 'FULL' | 'NORMAL';
  poolSize?: number;
  /**
   * SQLite: how long a write waits for another process's lock. The server's main thread keeps it
   * short (a busy store answers 503 at once rather than freezing every request); commands may wait.
   */
  busyTimeoutMs?: number;
}

// PostgreSQL returns bigint (int8) as strings; our bigints are millisecond times, safe as numbers.
pg.types.setTypeParser(20, (v) => Number(v));

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  if (isPostgresUrl(options.url)) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, store: 'postgres', close: () => db.destroy() };
  }
  if (options.url !== ':memory:') mkdirSync(path.dirname(path.resolve(options.url)), { recursive: true });
  let sqlite: SQLite.Database | undefined;
  try {
    sqlite = new SQLite(options.url);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${options.sqliteSynchronous ?? 'FULL'}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  } catch (e) {
    sqlite?.close();
    throw storeAccessError(options.url, e);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, store: 'sqlite', sqlite: { connection: sqlite, file: options.url, synchronous: options.sqliteSynchronous ?? 'FULL' }, close: () => db.destroy() };
}

const migrations: Record<string, Migration> = { '001-initial': m001, '002-measurement': m002, '003-exam-choice': m003, '004-revealed-keys': m004, '005-session-activity': m005, '006-rate-limits': m006, '007-attempt-timing': m007, '008-calibration-admission': m008, '009-attempt-scope': m009, '010-attempt-pause': m010, '011-question-time': m011, '012-user-preferences': m012, '013-item-notes': m013, '014-study-path': m014, '015-unsure-answers': m015, '016-study-plans': m016, '017-exam-results': m017, '018-user-roles': m018, '019-cohorts': m019, '020-assignments': m020, '021-project-submissions': m021, '022-key-disputes': m022, '023-discussions': m023, '024-item-drafts': m024, '025-lti-keys': m025, '026-lti-platforms': m026, '027-lti-launches': m027, '028-lti-registrations': m028, '029-lti-grading-progress': m029 };
const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The migrations this version knows that the store has not run yet (none: the schema is current). */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const known = await new Migrator({ db, provider }).getMigrations();
  return known.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
