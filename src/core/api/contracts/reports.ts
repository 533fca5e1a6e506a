import { z } from 'zod';
import { ATTEMPT_KINDS } from './common.ts';

/** The contracts of feedback on an answer, score reports, progress and history. */

export const itemReviewSchema = z.object({
  position: z.number(),
  itemId: z.string(),
  type: z.enum(['single', 'multiple', 'ordering', 'matching']),
  stem: z.string(),
  domain: z.string(),
  task: z.string().nullable(),
  scored: z.boolean(),
  correct: z.boolean(),
  answered: z.boolean(),
  caseStudy: z.object({ id: z.string(), title: z.string(), scenario: z.string() }).optional(),
  /** Choices (single, multiple) in display order, with the key and each one's rationale. */
  options: z.array(z.object({ id: z.string(), text: z.string(), correct: z.boolean(), chosen: z.boolean(), why: z.string().nullable() })).optional(),
  /** Ordering: steps in the correct order, and the candidate's order. */
  steps: z.array(z.object({ id: z.string(), text: z.string(), why: z.string().nullable() })).optional(),
  chosenOrder: z.array(z.string()).optional(),
  /** Matching: each prompt with its right response and the candidate's. */
  pairs: z
    .array(z.object({ prompt: z.string(), response: z.string(), chosen: z.string().nullable(), correct: z.boolean(), why: z.string().nullable() }))
    .optional(),
  explanation: z.string().nullable(),
  references: z.array(z.string()),
  /** In a report: the user's bookmark and note on the question, if any. */
  note: z.object({ bookmarked: z.boolean(), note: z.string() }).optional(),
  /** In a report: how long the question was on screen (absent when it never was). */
  timeMs: z.number().optional(),
});
export type ItemReview = z.infer<typeof itemReviewSchema>;

export const domainResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  correct: z.number(),
  total: z.number(),
  /** Mock exams and the quick check only: practice gives right and wrong, never a verdict. */
  classification: z.enum(['meets', 'needs-improvement']).nullable(),
});

/** Right and wrong per task statement and per bullet (C01) or skill (C02), for the questions a report counts. */
export const taskResultSchema = z.object({ id: z.string(), domain: z.string(), title: z.string(), correct: z.number(), total: z.number() });
export const skillResultSchema = z.object({ id: z.string(), task: z.string(), text: z.string(), correct: z.number(), total: z.number() });

export const scoreReportSchema = z.object({
  attemptId: z.string(),
  exam: z.string(),
  kind: z.enum(ATTEMPT_KINDS),
  submittedAt: z.string(),
  /** `practice`: right and wrong only, no score on the exam's scale and no verdict. */
  method: z.enum(['angoff', 'irt', 'practice']),
  provisional: z.boolean(),
  scaled: z.number().nullable(),
  passMark: z.number(),
  passed: z.boolean().nullable(),
  raw: z.number(),
  rawCut: z.number(),
  scoredItems: z.number(),
  /** Practice: questions left untouched when the candidate finished; they count nowhere (0 for mocks). */
  unanswered: z.number().default(0),
  tasks: z.array(taskResultSchema).default([]),
  skills: z.array(skillResultSchema).default([]),
  /** IRT only: standard error on the scaled scale and the probability of passing. */
  scaledSe: z.number().nullable(),
  passProbability: z.number().nullable(),
  domains: z.array(domainResultSchema),
  /** Mock exams: how the time was set (the standard time, a named accommodation, minutes the candidate gave themselves). */
  timing: z.object({ minutes: z.number(), accommodation: z.string().nullable(), extraMinutes: z.number(), selfGranted: z.boolean() }).optional(),
  /** Time spent (`src/core/learn/study-time.ts`): from start to submission, on the questions, the pace against the real exam's. */
  time: z
    .object({
      /** From start to submission; null for practice, which can pause. */
      elapsedMs: z.number().nullable(),
      questionMs: z.number(),
      seen: z.number(),
      averageMs: z.number(),
      targetMs: z.number(),
      slowest: z.array(z.object({ position: z.number(), ms: z.number() })),
    })
    .optional(),
  items: z.array(itemReviewSchema),
});
export type ScoreReport = z.infer<typeof scoreReportSchema>;

/** One task statement in the study ranking (`src/core/learn/study-next.ts`). */
export const studyPrioritySchema = z.object({
  task: z.string(),
  domain: z.string(),
  title: z.string(),
  share: z.number(),
  mastery: z.number(),
  correct: z.number(),
  answered: z.number(),
  points: z.number(),
});
export type StudyPriority = z.infer<typeof studyPrioritySchema>;


