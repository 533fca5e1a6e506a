import { sql, type Kysely } from 'kysely';

/**
 * Key disputes and corrections:
 * - `items.content_hash`: the hash of the entry as last loaded from the content files, so a correction made in the
 *   app (a newer version) stays current until the file itself changes;
 * - `item_disputes`: a candidate's dispute of a revealed key (what they believe is right, why, a link), and how an
 *   author resolved it;
 * - `item_changes`: the public changelog of corrections (key corrected, rationale fixed, item retired);
 * - `attempt_notices`: an attempt re-scored after a correction, for its owner to see.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('items').addColumn('content_hash', 'text').execute();
  await sql`update items set content_hash = (select hash from item_versions where item_versions.id = items.version_id)`.execute(db);
  await db.schema
    .createTable('item_disputes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('exam', 'text', (c) => c.notNull())
    .addColumn('proposed', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('resolved_ms', 'bigint')
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_disputes_item').on('item_disputes').columns(['item_id', 'status']).execute();
  await db.schema.createIndex('item_disputes_user').on('item_disputes').column('user_id').execute();
  await db.schema
    .createTable('item_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('exams', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_version', 'text', (c) => c.notNull())
    .addColumn('to_version', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_changes_item').on('item_changes').column('item_id').execute();
  await db.schema
    .createTable('attempt_notices')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
    .addColumn('change_id', 'text', (c) => c.notNull().references('item_changes.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text', (c) => c.notNull())
    .addColumn('after', 'text', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addColumn('seen_ms', 'bigint')
    .addPrimaryKeyConstraint('attempt_notices_pk', ['attempt_id', 'change_id'])
    .execute();
  await db.schema.createIndex('attempt_notices_user').on('attempt_notices').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attempt_notices').execute();
  await db.schema.dropTable('item_changes').execute();
  await db.schema.dropTable('item_disputes').execute();
  await db.schema.alterTable('items').dropColumn('content_hash').execute();
}
