import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;
export type SubmissionRow = Database['project_submissions'];
export type FileRow = Database['project_files'];
export type FileMeta = Omit<FileRow, 'data'>;

/** Practical projects' submissions, their files and grades. */
export const projectSubmissions = {
  /** A submission and its files, in one transaction: all of it is stored or none. */
  async insert(db: Db, row: SubmissionRow, files: FileRow[]): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('project_submissions').values(row).execute();
      for (const f of files) await trx.insertInto('project_files').values(f).execute();
    });
  },
  async byId(db: Db, id: string): Promise<SubmissionRow | undefined> {
    return db.selectFrom('project_submissions').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** A user's submissions (of one project, or all), latest first. */
  async ofUser(db: Db, userId: string, projectId?: string): Promise<SubmissionRow[]> {
    let q = db.selectFrom('project_submissions').selectAll().where('user_id', '=', userId);
    if (projectId) q = q.where('project_id', '=', projectId);
    return q.orderBy('created_ms', 'desc').execute();
  },
  async files(db: Db, submissionIds: string[]): Promise<FileMeta[]> {
    if (submissionIds.length === 0) return [];
    return db.selectFrom('project_files').select(['id', 'submission_id', 'name', 'media_type', 'size']).where('submission_id', 'in', submissionIds).orderBy('name').execute();
  },
  async file(db: Db, id: string): Promise<(FileRow & { user_id: string }) | undefined> {
    return db.selectFrom('project_files').innerJoin('project_submissions', 'project_submissions.id', 'project_files.submission_id').selectAll('project_files').select('project_submissions.user_id').where('project_files.id', '=', id).executeTakeFirst();
  },
  async setGrade(db: Db, id: string, grade: string, gradedBy: string, gradedMs: number): Promise<void> {
    await db.updateTable('project_submissions').set({ grade, graded_by: gradedBy, graded_ms: gradedMs }).where('id', '=', id).execute();
  },
  /** The submissions of every current member of the cohorts `tutorId` teaches, with the cohorts' names. */
  async forTutor(db: Db, tutorId: string): Promise<(SubmissionRow & { name: string; cohort: string })[]> {
    return db
      .selectFrom('project_submissions')
      .innerJoin('cohort_members', 'cohort_members.user_id', 'project_submissions.user_id')
      .innerJoin('cohort_tutors', 'cohort_tutors.cohort_id', 'cohort_members.cohort_id')
      .innerJoin('cohorts', 'cohorts.id', 'cohort_members.cohort_id')
      .innerJoin('users', 'users.id', 'project_submissions.user_id')
      .selectAll('project_submissions')
      .select(['users.name', 'cohorts.name as cohort'])
      .where('cohort_tutors.user_id', '=', tutorId)
      .orderBy('project_submissions.created_ms')
      .execute();
  },
  /** Whether `tutorId` teaches a cohort `userId` is a member of: the only way a tutor sees a candidate's work. */
  async tutors(db: Db, tutorId: string, userId: string): Promise<boolean> {
    const row = await db
      .selectFrom('cohort_members')
      .innerJoin('cohort_tutors', 'cohort_tutors.cohort_id', 'cohort_members.cohort_id')
      .select('cohort_members.cohort_id')
      .where('cohort_members.user_id', '=', userId)
      .where('cohort_tutors.user_id', '=', tutorId)
      .executeTakeFirst();
    return !!row;
  },
};
