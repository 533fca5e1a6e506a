import type { Kysely } from 'kysely';

/** The exam version each user prepares for (null until chosen at first sign-in) and the optional date they sit it. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('exam', 'text').execute();
  await db.schema.alterTable('users').addColumn('exam_date', 'text').execute();
  await db.schema.createIndex('attempts_user_exam').on('attempts').columns(['user_id', 'exam', 'started_ms']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('attempts_user_exam').execute();
  await db.schema.alterTable('users').dropColumn('exam_date').execute();
  await db.schema.alterTable('users').dropColumn('exam').execute();
}
