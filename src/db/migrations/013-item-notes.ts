import type { Kysely } from 'kysely';

/**
 * A user's bookmark and personal note on a question, kept per item (not per attempt) so they follow
 * the question into every later practice and report.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('item_notes')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('bookmarked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_notes_pk', ['user_id', 'item_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('item_notes').execute();
}
