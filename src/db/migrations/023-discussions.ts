import type { Kysely } from 'kysely';

/** Discussion under each question: its posts (text only; `hidden` by a moderator) and whether its thread is locked. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('item_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addColumn('hidden_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('hidden_ms', 'bigint')
    .execute();
  await db.schema.createIndex('item_posts_item').on('item_posts').columns(['item_id', 'created_ms']).execute();
  await db.schema
    .createTable('item_threads')
    .addColumn('item_id', 'text', (c) => c.primaryKey())
    .addColumn('locked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('locked_ms', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('item_threads').execute();
  await db.schema.dropTable('item_posts').execute();
}
