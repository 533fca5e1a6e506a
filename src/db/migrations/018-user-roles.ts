import type { Kysely } from 'kysely';

/**
 * Roles (tutor, author, admin; everyone is a candidate) as a comma-separated list on the user, read with
 * the session in one query; and the platform's settings, starting with the hash of the one-time code that
 * makes the first administrator of a server reachable from other machines.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('roles', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema
    .createTable('app_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_ms', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('app_settings').execute();
  await db.schema.alterTable('users').dropColumn('roles').execute();
}
