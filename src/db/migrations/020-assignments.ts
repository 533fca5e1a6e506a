import type { Kysely } from 'kysely';

/** What a cohort's tutors assign: a module, a practice set or a mock exam (`spec` as JSON), with an optional due day. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assignments_cohort').on('assignments').column('cohort_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assignments').execute();
}
