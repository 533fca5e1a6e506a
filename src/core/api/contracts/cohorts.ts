import { z } from 'zod';
import { isoDay } from './common.ts';

/** The contracts of cohorts, their assignments, the tutor's board and item analysis (see `../contracts.ts`). */

// ---------- cohorts ----------
/** POST /api/cohorts: a tutor's new cohort. */
export const createCohortSchema = z.strictObject({
  name: z.string().trim().min(1, 'give the cohort a name').max(100),
  exam: z.string().min(1).max(40),
  examDate: isoDay.nullable().default(null),
  accessUntil: isoDay.nullable().default(null),
});
export type CreateCohort = z.infer<typeof createCohortSchema>;
export const cohortSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  exam: z.string(),
  examDate: z.string().nullable(),
  accessUntil: z.string().nullable(),
  members: z.number(),
  /** Only for the cohort's tutors: the code (and the link built on it) that lets a candidate join. */
  inviteCode: z.string().optional(),
});
export type CohortSummary = z.infer<typeof cohortSummarySchema>;
/** GET /api/cohorts: the cohorts the caller teaches and those they belong to. */
export const cohortListSchema = z.object({ teaching: z.array(cohortSummarySchema), member: z.array(cohortSummarySchema) });
export type CohortList = z.infer<typeof cohortListSchema>;
/** GET /api/cohorts/:id (its tutors only): the cohort and its members, with only what a tutor needs. */
export const cohortViewSchema = cohortSummarySchema.extend({
  tutors: z.array(z.object({ id: z.string(), name: z.string() })),
  roster: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), joinedAt: z.string() })),
});
export type CohortView = z.infer<typeof cohortViewSchema>;
/** POST /api/cohorts/:id/tutors : another tutor, by email. */
export const addTutorSchema = z.strictObject({ email: z.string().trim().email('is not an email address').max(254) });
export const joinCohortSchema = z.strictObject({ code: z.string().trim().min(4).max(40) });

// ---------- assignments ----------
const assignmentSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('module'), module: z.number().int().min(1).max(99) }),
  z.strictObject({ kind: z.literal('practice'), domains: z.array(z.string().max(10)).max(10).optional(), tasks: z.array(z.string().max(10)).max(20).optional(), skills: z.array(z.string().max(20)).max(120).optional(), count: z.number().int().min(1).max(100) }),
  z.strictObject({ kind: z.literal('mock'), profile: z.string().min(1).max(40) }),
  z.strictObject({ kind: z.literal('project'), project: z.string().regex(/^[a-z0-9-]{1,80}$/, 'is not a project id') }),
]);
/** POST /api/cohorts/:id/assignments: what to do, an optional title (one is made from the spec) and due day. */
export const createAssignmentSchema = z.strictObject({ spec: assignmentSpecSchema, title: z.string().trim().max(120).optional(), dueOn: isoDay.nullable().default(null) });
export const assignmentStateSchema = z.discriminatedUnion('state', [z.object({ state: z.literal('done'), doneAt: z.string() }), z.object({ state: z.literal('todo') }), z.object({ state: z.literal('late') })]);
/** GET /api/assignments: a candidate's assignments from their cohorts, with their state. */
export const myAssignmentSchema = z.object({ id: z.string(), cohort: z.object({ id: z.string(), name: z.string() }), exam: z.string(), title: z.string(), titleFr: z.string(), spec: assignmentSpecSchema, dueOn: z.string().nullable(), status: assignmentStateSchema });
export type MyAssignment = z.infer<typeof myAssignmentSchema>;
/** GET /api/cohorts/:id/assignments (its tutors): each assignment with every member's state. */
export const cohortAssignmentSchema = z.object({
  id: z.string(),
  /** The tutor's title, or the default one in English; `titleFr` the same in French (the tutor's own title as typed). */
  title: z.string(),
  titleFr: z.string(),
  spec: assignmentSpecSchema,
  dueOn: z.string().nullable(),
  setAt: z.string(),
  done: z.number(),
  late: z.number(),
  members: z.array(z.object({ id: z.string(), name: z.string(), status: assignmentStateSchema })),
});
export type CohortAssignment = z.infer<typeof cohortAssignmentSchema>;

/** GET /api/cohorts/:id/board (its tutors): each member's mastery per domain, readiness, activity, assignments and why they may be at risk. */
export const cohortBoardSchema = z.object({
  cohort: z.object({ id: z.string(), name: z.string(), exam: z.string(), examDate: z.string().nullable() }),
  members: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      lastActive: z.string().nullable(),
      weekMs: z.number(),
      answered: z.number(),
      domains: z.array(z.object({ id: z.string(), answered: z.number(), mastery: z.number() })),
      /** Mastery per task statement, in the exam's order. */
      tasks: z.array(z.object({ id: z.string(), answered: z.number(), mastery: z.number() })),
      readiness: z.object({ scaled: z.number(), passProbability: z.number() }).nullable(),
      assignments: z.object({ done: z.number(), late: z.number(), total: z.number() }),
      atRisk: z.array(z.enum(['low-readiness', 'inactive', 'late'])),
    }),
  ),
});
export type CohortBoard = z.infer<typeof cohortBoardSchema>;

/** GET /api/cohorts/:id/items (its tutors): how the cohort answered each question it met, a shared wrong choice first. */
export const cohortItemsSchema = z.object({
  members: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      stem: z.string(),
      responses: z.number(),
      p: z.number(),
      pointBiserial: z.number().nullable(),
      options: z.array(z.object({ id: z.string(), text: z.string(), correct: z.boolean(), rate: z.number() })),
      /** A wrong option chosen by at least 40% of the cohort's answers: a misconception they share. */
      sharedMistake: z.string().nullable(),
    }),
  ),
});
export type CohortItems = z.infer<typeof cohortItemsSchema>;

