import { z } from 'zod';
import { isoDay } from './common.ts';

/** The contracts of the study path: modules, lessons, flash cards, the plan to the exam date and real results. */

export const CARD_RATING_VALUES = ['again', 'hard', 'good', 'easy'] as const;

export const studyModuleSchema = z.object({
  id: z.number(),
  title: z.string(),
  titleFr: z.string(),
  lesson: z.object({ id: z.string(), words: z.number(), cards: z.number() }).nullable(),
  /** Not started, lesson read, or quiz passed (8 of 10). */
  state: z.enum(['not-started', 'lesson-read', 'quiz-passed']),
  /** Time on the lesson and on the module's quizzes. */
  timeMs: z.number(),
  /** `unseen`: the pool's questions never yet on any of the candidate's forms, which a retake draws first. */
  quiz: z.object({ pool: z.number(), unseen: z.number(), attempts: z.number(), best: z.number().nullable(), passed: z.boolean(), open: z.string().nullable() }),
});
export type StudyModule = z.infer<typeof studyModuleSchema>;

export const studyPathSchema = z.object({
  exam: z.string(),
  modules: z.array(studyModuleSchema),
  /** The next step on the path: the first module not passed, its lesson first. */
  next: z.object({ module: z.number(), step: z.enum(['lesson', 'quiz']) }).nullable(),
  /** Today's share of the one review queue (`dailyQueue`): flash cards first, then missed questions. */
  review: z.object({ dueCards: z.number(), dueQuestions: z.number(), doneToday: z.number(), limit: z.number(), cardsToday: z.number(), questionsToday: z.number() }),
});
export type StudyPath = z.infer<typeof studyPathSchema>;

export const lessonViewSchema = z.object({
  id: z.string(),
  exam: z.string(),
  module: z.number(),
  title: z.string(),
  titleFr: z.string(),
  body: z.string(),
  words: z.number(),
  references: z.array(z.string()),
  skills: z.array(z.object({ id: z.string(), text: z.string() })),
  cards: z.number(),
  read: z.boolean(),
  timeMs: z.number(),
});
export type LessonView = z.infer<typeof lessonViewSchema>;

/** POST /api/lessons/:id/reading: time spent on the lesson since the last report, and whether the candidate marked it read. */
export const lessonReadingSchema = z.strictObject({ exam: z.string().min(1).max(40), addMs: z.number().int().min(0).max(7_200_000), read: z.boolean() });

export const flashCardViewSchema = z.object({
  id: z.string(),
  lesson: z.object({ id: z.string(), title: z.string(), titleFr: z.string() }),
  front: z.string(),
  back: z.string(),
  source: z.string(),
  /** When it would next be due after each rating (ISO). */
  next: z.record(z.enum(CARD_RATING_VALUES), z.string()),
  isNew: z.boolean(),
});
export type FlashCardView = z.infer<typeof flashCardViewSchema>;
export const rateCardSchema = z.strictObject({ exam: z.string().min(1).max(40), rating: z.enum(CARD_RATING_VALUES) });

export const planSettingsSchema = z.strictObject({ exam: z.string().min(1).max(40), examDate: isoDay, hoursPerWeek: z.number().int().min(1).max(60) });
const planSessionSchema = z.object({ day: z.string(), kind: z.enum(['module', 'review', 'quick-check', 'mock', 'exam']), minutes: z.number(), module: z.number().optional() });
export const studyPlanViewSchema = z.object({
  exam: z.string(),
  examDate: z.string(),
  hoursPerWeek: z.number(),
  weeks: z.array(z.object({ start: z.string(), sessions: z.array(planSessionSchema), modulesDone: z.array(z.number()) })),
  moduleHours: z.number(),
  availableHours: z.number(),
  /** Planned against done, from the plan as first made. */
  status: z.object({ state: z.enum(['on-track', 'behind', 'ahead']), expected: z.array(z.number()), done: z.array(z.number()), behind: z.array(z.number()) }),
  createdAt: z.string(),
});
export type StudyPlanView = z.infer<typeof studyPlanViewSchema>;

/** POST /api/results: a real result from the AWS score report. */
export const examResultSchema = z.strictObject({
  exam: z.string().min(1).max(40),
  satOn: isoDay,
  scaled: z.number().int(),
  passed: z.boolean(),
  domains: z.record(z.string().max(10), z.enum(['meets', 'needs-improvement'])),
});
export const examResultViewSchema = z.object({
  id: z.string(),
  exam: z.string(),
  satOn: z.string(),
  scaled: z.number(),
  passed: z.boolean(),
  beta: z.boolean(),
  domains: z.record(z.string(), z.enum(['meets', 'needs-improvement'])),
  after: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('retake'), earliest: z.string(), reason: z.enum(['wait', 'beta-once']), focus: z.array(z.string()) }),
    z.object({ kind: z.literal('certified'), validUntil: z.string(), prepareFrom: z.string() }),
  ]),
});
export type ExamResultView = z.infer<typeof examResultViewSchema>;

