import { z } from 'zod';
import { hashSeed } from '../util/seeded-random.ts';

/** English AWS documentation only: no language segment such as `/fr_fr/`. */
export const awsPage = z
  .string()
  .regex(/^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\/(?![a-z]{2}_[a-z]{2}\/)\S+$/, 'must be an English AWS page (https://docs.aws.amazon.com/… or https://aws.amazon.com/…)');

export const flashCardSchema = z.strictObject({
  front: z.string().min(5).max(200).refine((s) => s.trim().endsWith('?'), 'must be a question (end with "?")'),
  back: z.string().min(1).max(200).refine((s) => !s.trim().includes('\n'), 'must be one line'),
  source: awsPage,
});

/** The front matter of `content/lessons/<id>.md` (`docs/LESSON-FORMAT.md`). */
export const lessonFrontSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens'),
  title: z.string().min(1).max(120),
  titleFr: z.string().min(1).max(120),
  /** Per exam the lesson serves: its study-path module and the bullets (C01) or skills (C02) it teaches. */
  exams: z.record(z.string(), z.strictObject({ module: z.number().int().positive(), bullets: z.array(z.string().regex(/^\d\.\d\.[ks]\d+$/)).min(1) })).refine((e) => Object.keys(e).length > 0, 'must name at least one exam'),
  references: z.array(awsPage).min(4).max(12),
  cards: z.array(flashCardSchema).min(10).max(14),
});
export type LessonFront = z.infer<typeof lessonFrontSchema>;
export type FlashCard = z.infer<typeof flashCardSchema> & { id: string };

export interface Lesson extends Omit<LessonFront, 'cards'> {
  /** The Markdown body, after the front matter. */
  body: string;
  words: number;
  cards: FlashCard[];
}

/** Words of a Markdown body as a reader counts them (link targets left out). */
export function countWords(body: string): number {
  return (body.replace(/\]\([^)]*\)/g, ']').match(/[A-Za-z0-9][A-Za-z0-9'’.\-/]*/g) ?? []).length;
}

/**
 * A card's id: its lesson and a hash of its question, so reordering cards keeps every card's review
 * schedule; a reworded question is a new card.
 */
export function cardId(lessonId: string, front: string): string {
  return `${lessonId}.${hashSeed(front.trim()).toString(36)}`;
}
