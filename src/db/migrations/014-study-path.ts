import type { Kysely } from 'kysely';

/**
 * The study path: each user's reading of each lesson (read, and the time spent on it), and the FSRS
 * schedule of each flash card they reviewed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lesson_progress')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('lesson_id', 'text', (c) => c.notNull())
    .addColumn('read_ms', 'bigint')
    .addColumn('time_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('lesson_progress_pk', ['user_id', 'lesson_id'])
    .execute();
  await db.schema
    .createTable('card_reviews')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('card', 'text', (c) => c.notNull())
    .addColumn('due_ms', 'bigint', (c) => c.notNull())
    .addColumn('reviews', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_rating', 'text', (c) => c.notNull())
    .addColumn('updated_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('card_reviews_pk', ['user_id', 'card_id'])
    .execute();
  await db.schema.createIndex('card_reviews_due').on('card_reviews').columns(['user_id', 'due_ms']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('card_reviews').execute();
  await db.schema.dropTable('lesson_progress').execute();
}
