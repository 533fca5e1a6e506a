import type { Kysely } from 'kysely';

/** The tool's own signing keys for LTI 1.3 (JWKs as JSON): the newest unretired one signs; retired ones stay published a day. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lti_keys')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('private_jwk', 'text', (c) => c.notNull())
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addColumn('retired_ms', 'bigint')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lti_keys').execute();
}
