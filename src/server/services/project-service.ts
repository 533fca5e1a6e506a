import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ExamDefinition } from '../../core/exam/exam-schema.ts';
import type { GradeSubmission, GradingQueue, GradingView, ProjectGrade, ProjectList, ProjectSummary, ProjectView, SubmissionView, SubmitProject, User } from '../../core/api/contracts.ts';
import { acceptFile, FILE_LIMITS } from '../../core/projects/accept-file.ts';
import { gradeRubric } from '../../core/projects/grade-project.ts';
import type { Project } from '../../core/projects/project-schema.ts';
import { projectSubmissions, type FileMeta, type FileRow, type SubmissionRow } from '../../db/repositories/project-submissions.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, badRequest, notFound } from '../errors.ts';
import type { BankService } from './bank-service.ts';

/** A candidate may keep resubmitting, up to this many submissions per project. */
export const SUBMISSIONS_PER_PROJECT = 20;

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Practical projects (`docs/PROJECT-FORMAT.md`): the briefs of an exam, a candidate's submissions (text,
 * links and files, stored in one transaction), and grading against the rubric by a tutor of a cohort the
 * candidate belongs to. To anyone else a submission, and its files, do not exist (404).
 */
export class ProjectService {
  constructor(private readonly deps: { db: Kysely<Database>; bank: BankService; projects: Project[]; now: () => number }) {}

  async list(user: User, examId: string): Promise<ProjectList> {
    const exam = this.exam(examId);
    const mine = await projectSubmissions.ofUser(this.deps.db, user.id);
    return { exam: exam.id, projects: this.projectsOf(exam.id).map((p) => summary(p, mine.filter((s) => s.project_id === p.id))) };
  }

  async view(user: User, projectId: string, examId: string): Promise<ProjectView> {
    const exam = this.exam(examId);
    const project = this.project(projectId, exam.id);
    const rows = await projectSubmissions.ofUser(this.deps.db, user.id, project.id);
    const submissions = await this.submissionViews(rows);
    const bullets = new Map(exam.domains.flatMap((d) => d.tasks.flatMap((t) => [...t.knowledge, ...t.skills].map((b) => [b.id, b.text] as const))));
    return {
      ...summary(project, rows),
      body: project.body,
      services: project.services,
      costBasis: project.cost.basis,
      references: project.references,
      skills: project.exams[exam.id]!.bullets.map((id) => ({ id, text: bullets.get(id) ?? '' })),
      deliverables: project.deliverables,
      rubric: project.rubric,
      submissions,
    };
  }

  /** Stores a submission with its files, all or nothing, after checking every file (the first refusal is the error). */
  async submit(user: User, projectId: string, fields: SubmitProject, uploads: UploadedFile[]): Promise<SubmissionView> {
    const exam = this.exam(fields.exam);
    const project = this.project(projectId, exam.id);
    if (uploads.length > FILE_LIMITS.files) throw badRequest(`A submission carries at most ${FILE_LIMITS.files} files; ${uploads.length} were sent.`);
    const total = uploads.reduce((n, f) => n + f.bytes.length, 0);
    if (total > FILE_LIMITS.totalBytes) throw new AppError(413, 'too-large', `The files add up to more than ${FILE_LIMITS.totalBytes / 1024 / 1024} MB.`);
    if (!fields.text && fields.links.length === 0 && uploads.length === 0) throw badRequest('The submission is empty: write what you did, add a link or attach a file.');
    const id = randomUUID();
    const files: FileRow[] = uploads.map((u) => {
      const accepted = acceptFile(u.name, u.bytes);
      if ('refused' in accepted) throw badRequest(accepted.refused, { field: 'files' });
      return { id: randomUUID(), submission_id: id, name: accepted.name, media_type: accepted.mediaType, size: u.bytes.length, data: Buffer.from(u.bytes) };
    });
    const earlier = await projectSubmissions.ofUser(this.deps.db, user.id, project.id);
    if (earlier.length >= SUBMISSIONS_PER_PROJECT) throw new AppError(409, 'too-many', `You have already submitted this project ${SUBMISSIONS_PER_PROJECT} times.`);
    const row: SubmissionRow = { id, user_id: user.id, project_id: project.id, exam: exam.id, text: fields.text, links: JSON.stringify(fields.links), created_ms: this.deps.now(), grade: null, graded_by: null, graded_ms: null };
    await projectSubmissions.insert(this.deps.db, row, files);
    return (await this.submissionViews([row]))[0]!;
  }

  /** A submitted file, for its owner or a tutor of theirs. */
  async file(user: User, fileId: string): Promise<FileRow> {
    const file = await projectSubmissions.file(this.deps.db, fileId);
    if (!file || (file.user_id !== user.id && !(await projectSubmissions.tutors(this.deps.db, user.id, file.user_id)))) throw notFound('The file');
    return file;
  }

  /** Every submission of the members of the caller's cohorts: waiting for a grade first, oldest first. */
  async queue(tutor: User): Promise<GradingQueue> {
    const rows = await projectSubmissions.forTutor(this.deps.db, tutor.id);
    const byId = new Map<string, (typeof rows)[number] & { cohorts: string[] }>();
    for (const r of rows) {
      const seen = byId.get(r.id);
      if (seen) seen.cohorts.push(r.cohort);
      else byId.set(r.id, { ...r, cohorts: [r.cohort] });
    }
    const files = await projectSubmissions.files(this.deps.db, [...byId.keys()]);
    const submissions = [...byId.values()]
      .sort((a, b) => Number(a.grade !== null) - Number(b.grade !== null) || Number(a.created_ms) - Number(b.created_ms))
      .map((r) => {
        const grade = r.grade ? (JSON.parse(r.grade) as ProjectGrade) : null;
        const project = this.deps.projects.find((p) => p.id === r.project_id);
        return {
          id: r.id,
          projectId: r.project_id,
          projectTitle: project?.title ?? r.project_id,
          candidate: { id: r.user_id, name: r.name },
          cohorts: r.cohorts.sort(),
          submittedAt: iso(r.created_ms),
          files: files.filter((f) => f.submission_id === r.id).length,
          grade: grade && { points: grade.points, max: grade.max, meets: grade.meets },
        };
      });
    return { submissions };
  }

  async forGrader(tutor: User, submissionId: string): Promise<GradingView> {
    const { row, project } = await this.graded(tutor, submissionId);
    const earlier = (await projectSubmissions.ofUser(this.deps.db, row.user_id, row.project_id)).filter((s) => s.id !== row.id);
    const name = (await this.deps.db.selectFrom('users').select('name').where('id', '=', row.user_id).executeTakeFirst())?.name ?? '';
    return {
      submission: (await this.submissionViews([row]))[0]!,
      candidate: { id: row.user_id, name },
      project: { id: project.id, title: project.title, titleFr: project.titleFr, deliverables: project.deliverables, rubric: project.rubric },
      earlier: earlier.map((s) => ({ id: s.id, submittedAt: iso(s.created_ms), grade: s.grade ? (JSON.parse(s.grade) as ProjectGrade) : null })),
    };
  }

  /** Grades a submission criterion by criterion (a regrade replaces the grade); every criterion needs a level. */
  async grade(tutor: User, submissionId: string, body: GradeSubmission): Promise<GradingView> {
    const { row, project } = await this.graded(tutor, submissionId);
    const result = gradeRubric(project.rubric, body.levels);
    if ('missing' in result) {
      const parts = [result.missing.length ? `choose a level for ${result.missing.join(', ')}` : '', result.unknown.length ? `the rubric has no criterion ${result.unknown.join(', ')}` : ''].filter(Boolean);
      throw badRequest(`The grade is incomplete: ${parts.join('; ')}.`, { missing: result.missing, unknown: result.unknown });
    }
    const strayComment = Object.keys(body.comments).find((k) => !project.rubric.some((c) => c.id === k));
    if (strayComment) throw badRequest(`The rubric has no criterion ${strayComment} to comment on.`);
    const comments = Object.fromEntries(Object.entries(body.comments).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));
    const grade: ProjectGrade = { levels: body.levels, comments, overall: body.overall, ...result, gradedBy: tutor.name, gradedAt: iso(this.deps.now()) };
    await projectSubmissions.setGrade(this.deps.db, row.id, JSON.stringify(grade), tutor.id, this.deps.now());
    return this.forGrader(tutor, submissionId);
  }

  private async graded(tutor: User, submissionId: string): Promise<{ row: SubmissionRow; project: Project }> {
    const row = await projectSubmissions.byId(this.deps.db, submissionId);
    if (!row || !(await projectSubmissions.tutors(this.deps.db, tutor.id, row.user_id))) throw notFound('The submission');
    const project = this.deps.projects.find((p) => p.id === row.project_id);
    if (!project) throw notFound('The project');
    return { row, project };
  }

  private async submissionViews(rows: SubmissionRow[]): Promise<SubmissionView[]> {
    const files = await projectSubmissions.files(this.deps.db, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      projectId: r.project_id,
      exam: r.exam,
      text: r.text,
      links: JSON.parse(r.links) as string[],
      files: files.filter((f: FileMeta) => f.submission_id === r.id).map((f) => ({ id: f.id, name: f.name, mediaType: f.media_type, size: Number(f.size) })),
      submittedAt: iso(r.created_ms),
      grade: r.grade ? (JSON.parse(r.grade) as ProjectGrade) : null,
    }));
  }

  private exam(id: string): ExamDefinition {
    const exam = this.deps.bank.exam(id);
    if (!exam) throw badRequest(`There is no exam "${id}".`);
    return exam;
  }

  private projectsOf(examId: string): Project[] {
    return this.deps.projects.filter((p) => p.exams[examId]);
  }

  private project(id: string, examId: string): Project {
    const project = this.projectsOf(examId).find((p) => p.id === id);
    if (!project) throw notFound('The project');
    return project;
  }
}

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();

function summary(p: Project, mine: SubmissionRow[]): ProjectSummary {
  const latest = mine[0];
  const graded = mine.find((s) => s.grade !== null);
  const grade = graded ? (JSON.parse(graded.grade!) as ProjectGrade) : null;
  return {
    id: p.id,
    title: p.title,
    titleFr: p.titleFr,
    order: p.order,
    hours: p.hours,
    costUsd: p.cost.usd,
    status: !latest ? 'not-started' : latest.grade === null ? 'submitted' : 'graded',
    result: grade && { points: grade.points, max: grade.max, meets: grade.meets },
  };
}
