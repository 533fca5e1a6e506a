import type { Kysely } from 'kysely';

/**
 * Cohorts run by tutors: a name, the exam version, an optional exam date and end of access, an invite
 * code; their tutors and their members (a candidate may be in several cohorts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cohorts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('exam', 'text', (c) => c.notNull())
    .addColumn('exam_date', 'text')
    .addColumn('access_until', 'text')
    .addColumn('invite_code', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('cohort_tutors')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('cohort_tutors_pk', ['cohort_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('cohort_members')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('joined_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('cohort_members_pk', ['cohort_id', 'user_id'])
    .execute();
  await db.schema.createIndex('cohort_members_user').on('cohort_members').column('user_id').execute();
  await db.schema.createIndex('cohort_tutors_user').on('cohort_tutors').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cohort_members').execute();
  await db.schema.dropTable('cohort_tutors').execute();
  await db.schema.dropTable('cohorts').execute();
}
