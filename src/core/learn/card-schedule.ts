import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';

/** The four answers to a flash card, as in Anki: forgot, hard to recall, recalled, easy. */
export const CARD_RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type CardRating = (typeof CARD_RATINGS)[number];

const GRADE: Record<CardRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
const scheduler = fsrs({ enable_fuzz: false });

/** A flash card's schedule after the candidate's rating (FSRS-6 through ts-fsrs); a card never seen starts empty. */
export function scheduleCard(card: Card | null, rating: CardRating, now: Date): Card {
  return scheduler.next(card ?? createEmptyCard(now), now, GRADE[rating]).card;
}

/** When the card would next be due after each rating: the buttons show it ("Good · 3 days"). */
export function nextDue(card: Card | null, now: Date): Record<CardRating, Date> {
  const out = {} as Record<CardRating, Date>;
  for (const r of CARD_RATINGS) out[r] = scheduleCard(card, r, now).due;
  return out;
}

/** Reviews a day, flash cards and missed questions together, unless the candidate sets another limit. */
export const DAILY_REVIEW_LIMIT = 50;

/**
 * Today's share of the one review queue: flash cards first (a minute each), then missed questions,
 * within what is left of the daily limit after the reviews already done today.
 */
export function dailyQueue(opts: { dueCards: number; dueQuestions: number; doneToday: number; limit?: number }): { cards: number; questions: number; left: number } {
  const left = Math.max(0, (opts.limit ?? DAILY_REVIEW_LIMIT) - opts.doneToday);
  const cards = Math.min(opts.dueCards, left);
  const questions = Math.min(opts.dueQuestions, left - cards);
  return { cards, questions, left };
}
