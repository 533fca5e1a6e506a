import { z } from 'zod';
import { ATTEMPT_KINDS } from './contracts/common.ts';
export { ATTEMPT_KINDS, type AttemptKind } from './contracts/common.ts';
import { studyPrioritySchema } from './contracts/reports.ts';

/**
 * The HTTP API's contracts, defined once: the server validates requests with these schemas and the
 * web client and CLI use the same definitions. Every request body is strict (unknown fields are
 * refused with 400).
 */

// ---------- answers ----------
/** An answer as the candidate gives it, in the presentation ids of the attempt (never the bank's ids). */
export const answerSchema = z.union([
  z.strictObject({ choice: z.string().min(1).max(40) }),
  z.strictObject({ choices: z.array(z.string().min(1).max(40)).max(10) }),
  z.strictObject({ order: z.array(z.string().min(1).max(40)).min(1).max(5) }),
  z.strictObject({ pairs: z.record(z.string().min(1).max(40), z.string().min(1).max(40)) }),
]);
export type Answer = z.infer<typeof answerSchema>;

// Accounts, sessions and the user's choices.
export * from './contracts/accounts.ts';

// ---------- exam catalogue ----------
const announcedDateSchema = z.object({ date: z.string(), confirmed: z.boolean() });
/** Where the exam version stands today (`src/core/exam/exam-status.ts`); the screens word it per language. */
export const examStatusSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('beta'), since: z.string().nullable(), languages: z.array(z.string()), generalAvailability: announcedDateSchema.nullable() }),
  z.object({ phase: z.literal('available'), since: announcedDateSchema }),
  z.object({
    phase: z.literal('retiring'),
    successor: z.string().nullable(),
    ended: z.array(z.object({ languages: z.array(z.string()), date: z.string() })),
    continuing: z.array(z.object({ languages: z.array(z.string()), until: announcedDateSchema.nullable(), untilSuccessorGeneralAvailability: z.boolean() })),
  }),
  z.object({ phase: z.literal('retired'), successor: z.string().nullable(), lastSitting: announcedDateSchema.nullable() }),
  z.object({ phase: z.literal('current') }),
]);
export const examSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  passMark: z.number(),
  scale: z.object({ min: z.number(), max: z.number() }),
  status: examStatusSchema,
  /** Item types a mock of this exam holds (`case`: case studies); practice may serve others, and says so. */
  mockTypes: z.array(z.string()),
  profiles: z.array(z.object({ id: z.string(), label: z.string(), items: z.number(), scored: z.number(), unscored: z.number(), minutes: z.number(), note: z.string().nullable() })),
  accommodations: z.array(z.object({ id: z.string(), label: z.string(), extraMinutes: z.number() })),
  domains: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** The name in French where the exam file gives one (the interface shows it; the official name stays English). */
      nameFr: z.string().nullable(),
      weight: z.number(),
      tasks: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          titleFr: z.string().nullable(),
          items: z.number(),
          /** The task's bullets (MLA-C01 knowledge and skills) or skills (MLA-C02), with the questions valid for this exam that list each. */
          bullets: z.array(z.object({ id: z.string(), text: z.string(), new: z.boolean(), items: z.number() })),
        }),
      ),
    }),
  ),
  modules: z.array(z.object({ id: z.number(), title: z.string(), titleFr: z.string(), tasks: z.array(z.string()), items: z.number() })),
});
export type ExamSummary = z.infer<typeof examSummarySchema>;

// ---------- attempts ----------
export const startMockSchema = z.strictObject({
  kind: z.literal('mock'),
  exam: z.string().min(1),
  profile: z.string().min(1).default('standard'),
  accommodation: z.string().min(1).optional(),
  /** Extra minutes the candidate gives themselves, on top of any named accommodation (capped; the report says they were self-granted). */
  extraMinutes: z.number().int().min(0).max(60, 'at most 60 extra minutes can be self-granted').optional(),
});
export const startPracticeSchema = z.strictObject({
  kind: z.literal('practice'),
  exam: z.string().min(1),
  domains: z.array(z.string()).max(10).optional(),
  tasks: z.array(z.string()).max(20).optional(),
  modules: z.array(z.number().int()).max(60).optional(),
  /** Bullets (MLA-C01) or skills (MLA-C02) in the exam's ids, e.g. `1.2.s5`. */
  skills: z.array(z.string().max(20)).max(120).optional(),
  /** Only the questions the user bookmarked. */
  bookmarked: z.literal(true).optional(),
  /** A module quiz: 10 questions of the one module in `modules`, with feedback; 8 right pass the module. */
  quiz: z.literal(true).optional(),
  /** Only items due for review (spaced repetition of mistakes). */
  /** Only these questions (bank ids), e.g. the ones answered wrong on a report; others of the exam are ignored. */
  items: z.array(z.string().max(80)).max(100).optional(),
  review: z.boolean().optional(),
  count: z.number().int().min(1).max(100).default(10),
  feedback: z.enum(['immediate', 'end']).default('immediate'),
  minutes: z.number().int().min(1).max(300).optional(),
});
/** The adaptive quick check: about 20 items chosen one at a time by maximum information under the domain weights. */
export const startQuickSchema = z.strictObject({
  kind: z.literal('quick'),
  exam: z.string().min(1),
  count: z.number().int().min(5).max(40).default(20),
});
export const startAttemptSchema = z.discriminatedUnion('kind', [startMockSchema, startPracticeSchema, startQuickSchema]);
export type StartAttempt = z.infer<typeof startAttemptSchema>;

/** An item as the candidate sees it: ids are per-attempt presentation ids, in display order. */
export const presentedItemSchema = z.object({
  position: z.number().int(),
  type: z.enum(['single', 'multiple', 'ordering', 'matching']),
  stem: z.string(),
  select: z.number().optional(),
  options: z.array(z.object({ id: z.string(), text: z.string() })).optional(),
  steps: z.array(z.object({ id: z.string(), text: z.string() })).optional(),
  prompts: z.array(z.object({ id: z.string(), text: z.string() })).optional(),
  responses: z.array(z.object({ id: z.string(), text: z.string() })).optional(),
  caseStudy: z.object({ id: z.string(), title: z.string(), scenario: z.string(), index: z.number(), count: z.number() }).optional(),
});
export type PresentedItem = z.infer<typeof presentedItemSchema>;

export const savedAnswerSchema = z.object({
  answer: answerSchema.nullable(),
  flagged: z.boolean(),
  struck: z.array(z.string()),
  /** Revision of this item's answer; a save must name the revision it was based on. */
  revision: z.number().int(),
  /** Practice with immediate feedback: the item was checked and is locked. */
  checked: z.boolean().optional(),
});
export type SavedAnswer = z.infer<typeof savedAnswerSchema>;

/** `abandoned`: given up by the candidate, with no score. */
export const ATTEMPT_STATUSES = ['open', 'submitted', 'abandoned'] as const;

export const attemptViewSchema = z.object({
  id: z.string(),
  kind: z.enum(ATTEMPT_KINDS),
  /** Quick check: how many items it will have in all (items arrive one at a time). Practice: how many were asked for. */
  target: z.number().optional(),
  exam: z.string(),
  profile: z.string().nullable(),
  feedback: z.enum(['immediate', 'end']),
  status: z.enum(ATTEMPT_STATUSES),
  startedAt: z.string(),
  /** Absolute deadline kept by the server (ISO), or null when untimed or paused. */
  deadline: z.string().nullable(),
  /** A paused timed practice: the milliseconds it has left. */
  pausedRemainingMs: z.number().optional(),
  /** The server's clock when this view was made, so the client can correct its own. */
  serverNow: z.string(),
  items: z.array(presentedItemSchema),
  answers: z.record(z.string(), savedAnswerSchema),
  /** Practice: the positions whose answer the candidate marked "I was unsure" (GET only). */
  unsure: z.array(z.number()).optional(),
  /** Practice: the user's bookmark and note on each question that has one, by position (GET only). */
  notes: z.record(z.string(), z.object({ bookmarked: z.boolean(), note: z.string() })).optional(),
  /** Milliseconds each question has been on screen so far, by position (GET only: the browser carries on from them). */
  times: z.record(z.string(), z.number()).optional(),
});
export type AttemptView = z.infer<typeof attemptViewSchema>;

/** What a practice covered, for the history: review of mistakes, or its domains, task statements, modules or skills (none: the whole exam). */
export const attemptScopeSchema = z.object({
  review: z.boolean().optional(),
  /** The user's bookmarked questions. */
  bookmarked: z.boolean().optional(),
  /** A module quiz (its module in `modules`). */
  quiz: z.boolean().optional(),
  /** A redo of chosen questions (those answered wrong on a report): how many. */
  items: z.number().optional(),
  domains: z.array(z.string()).optional(),
  tasks: z.array(z.string()).optional(),
  modules: z.array(z.number()).optional(),
  skills: z.array(z.string()).optional(),
});
export type AttemptScope = z.infer<typeof attemptScopeSchema>;

export const attemptSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(ATTEMPT_KINDS),
  exam: z.string(),
  profile: z.string().nullable(),
  status: z.enum(ATTEMPT_STATUSES),
  startedAt: z.string(),
  /** When it was submitted or abandoned (ISO), or null while open. */
  submittedAt: z.string().nullable(),
  /** Practice only: what it covered. */
  scope: attemptScopeSchema.nullable(),
  deadline: z.string().nullable(),
  items: z.number(),
  scaled: z.number().nullable(),
  passed: z.boolean().nullable(),
  /** Time the questions were on screen, summed (absent when none was recorded). */
  timeMs: z.number().optional(),
});
export type AttemptSummary = z.infer<typeof attemptSummarySchema>;

/** PUT /api/attempts/:id/answers/:position — one autosave. */
export const saveAnswerSchema = z.strictObject({
  /** The tab that saves (random per tab) and its own increasing number: together, the idempotency key. */
  tab: z.string().min(8).max(64),
  seq: z.number().int().min(1),
  /** The item's revision this change was based on; a stale one is refused with 409. */
  baseRevision: z.number().int().min(0),
  answer: answerSchema.nullable(),
  flagged: z.boolean(),
  struck: z
    .array(z.string().max(40))
    .max(10)
    .refine((ids) => new Set(ids).size === ids.length, 'lists an option twice'),
});
export type SaveAnswer = z.infer<typeof saveAnswerSchema>;

/** PUT /api/attempts/:id/time — how long each question has been on screen, cumulative per position. */
export const questionTimeSchema = z.strictObject({
  times: z
    .array(z.strictObject({ position: z.number().int().min(0).max(999), ms: z.number().int().min(0).max(86_400_000) }))
    .min(1)
    .max(200)
    .refine((t) => new Set(t.map((x) => x.position)).size === t.length, 'lists a position twice'),
});
export type QuestionTime = z.infer<typeof questionTimeSchema>;

/** A bookmark and a personal note on a question: the user's own, kept per question across attempts. */
export const itemNoteSchema = z.strictObject({
  bookmarked: z.boolean(),
  note: z
    .string()
    .max(2000, 'a note holds at most 2000 characters')
    .transform((s) => s.trim()),
});
export type ItemNote = z.infer<typeof itemNoteSchema>;
export const saveAckSchema = z.object({ position: z.number(), revision: z.number(), savedAt: z.string() });
export type SaveAck = z.infer<typeof saveAckSchema>;

export const progressSchema = z.object({
  exam: z.string(),
  answered: z.number(),
  dueForReview: z.number(),
  /** Questions of this exam the user bookmarked. */
  bookmarks: z.number().default(0),
  /** Mastery per bullet (C01) or skill (C02): the answers to the questions that list it. */
  skills: z.array(z.object({ id: z.string(), task: z.string(), answered: z.number(), correct: z.number(), mastery: z.number() })).default([]),
  domains: z.array(z.object({ id: z.string(), name: z.string(), answered: z.number(), correct: z.number(), mastery: z.number() })),
  /** Every task statement of the exam, most points still to win first: what to study next, for every screen. */
  studyNext: z.array(studyPrioritySchema),
  /** The readiness estimate from everything answered (`src/core/scoring/readiness.ts`), or how many more answers it needs. */
  readiness: z.discriminatedUnion('state', [
    z.object({ state: z.literal('estimate'), scaled: z.number(), scaledSe: z.number(), passProbability: z.number(), provisional: z.boolean(), basedOn: z.number() }),
    z.object({ state: z.literal('needs-evidence'), basedOn: z.number(), needed: z.number() }),
  ]),
  attempts: z.array(attemptSummarySchema),
  /** Time on questions per week (Monday, UTC), the last eight weeks, oldest first. */
  studyWeeks: z.array(z.object({ weekStart: z.string(), ms: z.number() })).default([]),
});
export type Progress = z.infer<typeof progressSchema>;

/** Every error the API returns. */
export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

// Feedback, reports, progress and history.
export * from './contracts/reports.ts';
// The study path: modules, lessons, flash cards, the plan and real results.
export * from './contracts/study.ts';
// Cohorts, assignments, the tutor's board and item analysis live in their own file.
export * from './contracts/cohorts.ts';
// Practical projects: briefs, submissions and grading.
export * from './contracts/projects.ts';
// Key disputes, corrections, the changelog and notices.
export * from './contracts/disputes.ts';
// The discussion under each question.
export * from './contracts/discussions.ts';
// Writing and reviewing items in the app.
export * from './contracts/authoring.ts';
// The LTI 1.3 tool's administration.
export * from './contracts/lti.ts';
