import { z } from 'zod';

/** The contracts of practical projects: the briefs, a candidate's submissions, and the tutor's grading. */

export const projectSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  titleFr: z.string(),
  order: z.number().int(),
  hours: z.number().int(),
  costUsd: z.number(),
  /** The caller's own latest submission: none yet, waiting for a grade, or graded. */
  status: z.enum(['not-started', 'submitted', 'graded']),
  /** The latest graded submission's result. */
  result: z.object({ points: z.number().int(), max: z.number().int(), meets: z.boolean() }).nullable(),
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;
/** GET /api/projects?exam= */
export const projectListSchema = z.object({ exam: z.string(), projects: z.array(projectSummarySchema) });
export type ProjectList = z.infer<typeof projectListSchema>;

export const projectGradeSchema = z.object({
  levels: z.record(z.string(), z.number().int().min(0).max(3)),
  comments: z.record(z.string(), z.string()),
  overall: z.string(),
  points: z.number().int(),
  max: z.number().int(),
  meets: z.boolean(),
  gradedBy: z.string(),
  gradedAt: z.string(),
});
export type ProjectGrade = z.infer<typeof projectGradeSchema>;

export const submissionFileSchema = z.object({ id: z.string(), name: z.string(), mediaType: z.string(), size: z.number().int() });
export const submissionViewSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  exam: z.string(),
  text: z.string(),
  links: z.array(z.string()),
  files: z.array(submissionFileSchema),
  submittedAt: z.string(),
  grade: projectGradeSchema.nullable(),
});
export type SubmissionView = z.infer<typeof submissionViewSchema>;

/** GET /api/projects/:id?exam= : the brief, its rubric, and the caller's submissions (latest first). */
export const projectViewSchema = projectSummarySchema.extend({
  body: z.string(),
  services: z.array(z.string()),
  costBasis: z.string(),
  references: z.array(z.string()),
  skills: z.array(z.object({ id: z.string(), text: z.string() })),
  deliverables: z.array(z.object({ id: z.string(), text: z.string() })),
  rubric: z.array(z.object({ id: z.string(), criterion: z.string(), levels: z.array(z.string()) })),
  submissions: z.array(submissionViewSchema),
});
export type ProjectView = z.infer<typeof projectViewSchema>;

/** The fields of POST /api/projects/:id/submissions (multipart/form-data, beside the files). */
export const submitProjectSchema = z.strictObject({
  exam: z.string().min(1).max(40),
  text: z.string().trim().max(20_000, 'is longer than 20,000 characters'),
  links: z.array(z.string().url('is not a web address').max(500).refine((u) => u.startsWith('https://'), 'must start with https://')).max(10, 'has more than 10 links'),
});
export type SubmitProject = z.infer<typeof submitProjectSchema>;

/** GET /api/project-submissions: the grading queue of the caller's cohorts (waiting first, oldest first). */
export const gradingQueueSchema = z.object({
  submissions: z.array(
    z.object({
      id: z.string(),
      projectId: z.string(),
      projectTitle: z.string(),
      candidate: z.object({ id: z.string(), name: z.string() }),
      cohorts: z.array(z.string()),
      submittedAt: z.string(),
      files: z.number().int(),
      grade: z.object({ points: z.number().int(), max: z.number().int(), meets: z.boolean() }).nullable(),
    }),
  ),
});
export type GradingQueue = z.infer<typeof gradingQueueSchema>;

/** GET /api/project-submissions/:id : one submission as its grader sees it, with the project's rubric. */
export const gradingViewSchema = z.object({
  submission: submissionViewSchema,
  candidate: z.object({ id: z.string(), name: z.string() }),
  project: z.object({ id: z.string(), title: z.string(), titleFr: z.string(), deliverables: projectViewSchema.shape.deliverables, rubric: projectViewSchema.shape.rubric }),
  /** The candidate's earlier submissions of this project, latest first, with their grades. */
  earlier: z.array(z.object({ id: z.string(), submittedAt: z.string(), grade: projectGradeSchema.nullable() })),
});
export type GradingView = z.infer<typeof gradingViewSchema>;

/** POST /api/project-submissions/:id/grade */
export const gradeSubmissionSchema = z.strictObject({
  levels: z.record(z.string().max(60), z.number().int().min(0).max(3)),
  comments: z.record(z.string().max(60), z.string().max(2000)).default({}),
  overall: z.string().trim().max(5000).default(''),
});
export type GradeSubmission = z.infer<typeof gradeSubmissionSchema>;
