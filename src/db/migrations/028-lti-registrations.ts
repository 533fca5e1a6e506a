import type { Kysely } from 'kysely';

/**
 * One-time codes an administrator makes for LTI Dynamic Registration (the registration URL given to a platform),
 * and the course a deep-linking request comes from (its exam version may still be unchosen).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('lti_deep_links').addColumn('cohort_id', 'text', (c) => c.references('cohorts.id').onDelete('set null')).execute();
  await db.schema
    .createTable('lti_registration_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('expires_ms', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lti_registration_codes').execute();
  await db.schema.alterTable('lti_deep_links').dropColumn('cohort_id').execute();
}
