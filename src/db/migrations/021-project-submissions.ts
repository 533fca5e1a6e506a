import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Practical projects: a candidate's submissions (text, links as JSON, the tutor's grade as JSON) and
 * their files, kept in the store itself (bytea on PostgreSQL, blob on SQLite) so both stores back up alike.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('project_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('exam', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('links', 'text', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addColumn('grade', 'text')
    .addColumn('graded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('graded_ms', 'bigint')
    .execute();
  await db.schema.createIndex('project_submissions_user').on('project_submissions').columns(['user_id', 'project_id']).execute();
  await db.schema
    .createTable('project_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('project_submissions.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', bytes, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_files_submission').on('project_files').column('submission_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('project_files').execute();
  await db.schema.dropTable('project_submissions').execute();
}
