import type { Kysely } from 'kysely';

/** Real exam results the candidate recorded from their AWS score report (kept, anonymised with consent, for readiness calibration). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('exam_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('exam', 'text', (c) => c.notNull())
    .addColumn('sat_on', 'text', (c) => c.notNull())
    .addColumn('scaled', 'integer', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('beta', 'integer', (c) => c.notNull())
    .addColumn('domains', 'text', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exam_results_user').on('exam_results').columns(['user_id', 'exam']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('exam_results').execute();
}
