import type { Kysely } from 'kysely';

/** Items written in the app: a draft (YAML, as a content file), its review by a second author, and the version it published. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('item_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('base_version', 'text')
    .addColumn('yaml', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reviewer_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('review_note', 'text')
    .addColumn('published_version', 'text')
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addColumn('updated_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_drafts_status').on('item_drafts').columns(['status', 'updated_ms']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('item_drafts').execute();
}
