import type { Kysely } from 'kysely';

/** One-time codes an administrator makes for LTI Dynamic Registration (the registration URL given to a platform). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lti_registration_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('expires_ms', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lti_registration_codes').execute();
}
