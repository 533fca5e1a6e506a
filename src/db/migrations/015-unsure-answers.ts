import type { Kysely } from 'kysely';

/** Practice answers the candidate marked "I was unsure": a right one still enters the review queue (as Hard). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unsure_answers')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('updated_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('unsure_answers_pk', ['attempt_id', 'position'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unsure_answers').execute();
}
