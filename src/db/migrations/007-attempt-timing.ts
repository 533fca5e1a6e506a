import type { Kysely } from 'kysely';

/** How a mock's time was set: the named accommodation and the extra minutes the candidate gave themselves. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attempts').addColumn('accommodation', 'text').execute();
  await db.schema.alterTable('attempts').addColumn('extra_minutes', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attempts').dropColumn('extra_minutes').execute();
  await db.schema.alterTable('attempts').dropColumn('accommodation').execute();
}
