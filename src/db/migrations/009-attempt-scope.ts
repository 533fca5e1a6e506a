import type { Kysely } from 'kysely';

/**
 * What a practice covered (its domains, task statements, modules or skills, or review of mistakes), as
 * JSON, so the history can name it. An attempt's status may now also be `abandoned`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attempts').addColumn('scope', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attempts').dropColumn('scope').execute();
}
