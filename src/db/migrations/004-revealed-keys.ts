import type { Kysely } from 'kysely';

/**
 * When each user first saw each item's key (a practice check, or a submitted attempt's report), and
 * which responses came after that: those measure memory, not ability, and calibration leaves them out.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('revealed_keys')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('revealed_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('revealed_keys_pk', ['user_id', 'item_id'])
    .execute();
  await db.schema.alterTable('responses').addColumn('after_reveal', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('responses').dropColumn('after_reveal').execute();
  await db.schema.dropTable('revealed_keys').execute();
}
