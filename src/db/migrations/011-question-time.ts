import type { Kysely } from 'kysely';

/**
 * The time a candidate spent on each question of an attempt, as the browser measured it while the
 * question was on screen (milliseconds, cumulative; a later report only ever raises it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('question_time')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('ms', 'bigint', (c) => c.notNull())
    .addColumn('updated_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('question_time_pk', ['attempt_id', 'position'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('question_time').execute();
}
