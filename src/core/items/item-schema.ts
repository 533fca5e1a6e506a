import { z } from 'zod';

/**
 * The item model: one zod schema per item type, the single source of truth for the YAML bank,
 * the database, the API and every interchange format.
 *
 * The schema checks structure only. Metadata that the built-in bank requires (per-exam tags,
 * references, a `why` per option) is optional here and enforced by `checkBank` (errors for the bank,
 * warnings for foreign items that serve practice only).
 *
 * An item is written once and tagged per exam version: `exams` maps each exam id it is valid for to
 * its task statement, bullets (C01 `1.2.k3`) or skills (C02 `1.2.s5`) in that exam's own ids, its
 * module in that exam's study path and its Angoff rating for that exam. `forExam` (exam-tags.ts)
 * gives the item as one exam sees it.
 */

export const ITEM_ID = /^[a-z0-9][a-z0-9._-]{0,79}$/;
export const CHOICE_ID = /^[a-z0-9][a-z0-9_-]{0,19}$/;

const itemId = z.string().regex(ITEM_ID, 'must be lowercase letters, digits, ".", "_" or "-" (at most 80)');
const choiceId = z.string().regex(CHOICE_ID, 'must be lowercase letters, digits, "_" or "-" (at most 20)');
const text = z.string().trim().min(1, 'must not be empty');
const optionalText = z.string().trim().min(1, 'must not be empty').optional();

export const EXAM_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** What an item is for one exam version. Every field is required of the built-in bank (`checkBank`). */
export const examTagSchema = z.strictObject({
  task: z.string().regex(/^\d\.\d$/, 'must look like "1.2"').optional(),
  bullets: z.array(z.string().regex(/^\d\.\d\.[ks]\d+$/, 'must look like "1.2.k3" or "1.2.s1"')).optional(),
  module: z.number().int().min(1).max(99).optional(),
  angoff: z.number().gt(0).lt(1).optional(),
});

/** The fields of one exam's tags (also the flat fields of the format before per-exam tags). */
export const EXAM_TAG_FIELDS = ['task', 'bullets', 'module', 'angoff'] as const satisfies readonly (keyof typeof examTagSchema.shape)[];

/** Metadata shared by every scored item (and every case-study question). */
export const itemMetaShape = {
  id: itemId,
  /** The exam versions the item is valid for, each with the item's tags in that exam's ids. */
  exams: z
    .record(z.string().regex(EXAM_ID, 'must be an exam id like "mla-c02"'), examTagSchema)
    .refine((m) => Object.keys(m).length > 0, 'must name at least one exam')
    .optional(),
  difficulty: z.number().int().min(1).max(5).optional(),
  stem: text,
  explanation: optionalText,
  // https only: a reference is a link shown to candidates, so javascript:, data: or vbscript: never pass.
  references: z.array(z.string().url('must be a URL').refine((u) => /^https:\/\//i.test(u), 'must be an https:// address')).optional(),
  tags: z.array(z.string()).optional(),
  /**
   * Lint warnings a reviewer checked against the documentation and accepted for this item (rule
   * codes, e.g. `absolute-claim`): the linter no longer reports them.
   */
  lintChecked: z.array(z.enum(['absolute-claim', 'stem-echo'])).optional(),
};

export const optionSchema = z.strictObject({
  id: choiceId,
  text,
  correct: z.boolean().default(false),
  why: optionalText,
});

export const singleItemSchema = z.strictObject({
  ...itemMetaShape,
  type: z.literal('single'),
  // The bank's items have exactly 4 options (checkBank); a foreign bank's may have 2 (true/false) to 10.
  options: z.array(optionSchema).min(2, 'a multiple-choice item has at least 2 options').max(10, 'a multiple-choice item has at most 10 options'),
});

export const multipleItemSchema = z.strictObject({
  ...itemMetaShape,
  type: z.literal('multiple'),
  // The bank's have at least 5 options and 2 keys (checkBank); a foreign bank's any count.
  select: z.number().int().min(1),
  options: z.array(optionSchema).min(2, 'a multiple-response item has at least 2 options').max(10, 'a multiple-response item has at most 10 options'),
});

export const stepSchema = z.strictObject({ id: choiceId, text, why: optionalText });

/** Ordering: `steps` are written in the correct order; the app shuffles them per attempt. */
export const orderingItemSchema = z.strictObject({
  ...itemMetaShape,
  type: z.literal('ordering'),
  steps: z.array(stepSchema).min(3, 'an ordering item has 3 to 5 steps').max(5, 'an ordering item has 3 to 5 steps'),
});

export const promptSchema = z.strictObject({ id: choiceId, text, match: choiceId, why: optionalText });
export const responseSchema = z.strictObject({ id: choiceId, text, why: optionalText });

/** Matching: each prompt names its one right response; up to two extra responses are distractors. */
export const matchingItemSchema = z.strictObject({
  ...itemMetaShape,
  type: z.literal('matching'),
  prompts: z.array(promptSchema).min(3, 'a matching item has 3 to 7 prompts').max(7, 'a matching item has 3 to 7 prompts'),
  responses: z.array(responseSchema).min(3).max(9),
});

export const questionSchema = z.discriminatedUnion('type', [
  singleItemSchema,
  multipleItemSchema,
  orderingItemSchema,
  matchingItemSchema,
]);

/** A case study: one scenario, 2 to 4 questions, each an item of the four types, scored on its own. */
export const caseStudySchema = z.strictObject({
  id: itemId,
  type: z.literal('case'),
  title: text,
  scenario: text,
  questions: z.array(questionSchema).min(2, 'a case study has 2 to 4 questions').max(4, 'a case study has 2 to 4 questions'),
});

export const bankEntrySchema = z.discriminatedUnion('type', [
  singleItemSchema,
  multipleItemSchema,
  orderingItemSchema,
  matchingItemSchema,
  caseStudySchema,
]);

/** A content file: a list of items and case studies. */
export const contentFileSchema = z.strictObject({ items: z.array(z.unknown()) });

export type Option = z.infer<typeof optionSchema>;
export type Step = z.infer<typeof stepSchema>;
export type MatchPrompt = z.infer<typeof promptSchema>;
export type MatchResponse = z.infer<typeof responseSchema>;
export type SingleItem = z.infer<typeof singleItemSchema>;
export type MultipleItem = z.infer<typeof multipleItemSchema>;
export type OrderingItem = z.infer<typeof orderingItemSchema>;
export type MatchingItem = z.infer<typeof matchingItemSchema>;
/** One scorable question: a standalone item or one question of a case study. */
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export type CaseStudy = z.infer<typeof caseStudySchema>;
export type BankEntry = z.infer<typeof bankEntrySchema>;
export type ExamTag = z.infer<typeof examTagSchema>;

/** The scorable questions of a bank entry: itself, or a case study's questions. */
export function entryQuestions(entry: BankEntry): Question[] {
  return entry.type === 'case' ? entry.questions : [entry];
}

export const QUESTION_TYPES = ['single', 'multiple', 'ordering', 'matching'] as const;

/**
 * The shape an exam item has (AWS's): a multiple-choice question with exactly 4 options, or a
 * multiple-response one with at least 5 options and 2 keys. Only these may enter a mock; a foreign
 * bank's other shapes (true/false, 3 or 6 options, one key of many) serve practice.
 */
export function isExamShaped(q: Question): boolean {
  if (q.type === 'single') return q.options.length === 4;
  if (q.type === 'multiple') return q.options.length >= 5 && q.select >= 2;
  return true;
}
