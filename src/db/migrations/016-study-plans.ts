import type { Kysely } from 'kysely';

/** Each user's study plan per exam: the exam date and hours a week they gave, and the plan as first made (to tell on track from behind). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('study_plans')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('exam', 'text', (c) => c.notNull())
    .addColumn('exam_date', 'text', (c) => c.notNull())
    .addColumn('hours_per_week', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('study_plans_pk', ['user_id', 'exam'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('study_plans').execute();
}
