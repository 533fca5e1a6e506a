import type { Kysely } from 'kysely';

/** A timed practice paused by the candidate: its deadline is cleared and the time left kept here until it resumes. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attempts').addColumn('paused_remaining_ms', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attempts').dropColumn('paused_remaining_ms').execute();
}
