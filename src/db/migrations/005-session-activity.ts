import type { Kysely } from 'kysely';

/** The last activity of each session, for the idle timeout (0: none recorded yet, the creation counts). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('last_seen_ms', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sessions_user').execute();
  await db.schema.alterTable('sessions').dropColumn('last_seen_ms').execute();
}
