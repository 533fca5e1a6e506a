import type { Kysely } from 'kysely';

/**
 * A grade's grading progress (LTI AGS): `FullyGraded` for a score, `PendingManual` for a project
 * submitted and not yet graded (sent with no score, so the gradebook shows the work as awaiting grading).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('lti_grades').addColumn('grading_progress', 'text', (c) => c.notNull().defaultTo('FullyGraded')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('lti_grades').dropColumn('grading_progress').execute();
}
