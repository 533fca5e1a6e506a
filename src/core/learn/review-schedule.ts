import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';

/**
 * Spaced repetition of mistakes with FSRS-6 (ts-fsrs, the scheduler Anki uses). A question enters
 * the review queue when it is answered wrong, or right but marked "I was unsure" (a lucky guess must
 * come back); each later answer is graded Again (wrong), Hard (right but unsure) or Good (right) and
 * FSRS sets the next due date. Time comes in as an argument.
 */
const scheduler = fsrs({ enable_fuzz: false });

export type ReviewCard = Card;

/** The card after an answer, or null when a right answer to an item never missed needs no review. */
export function scheduleReview(card: ReviewCard | null, correct: boolean, now: Date, unsure = false): ReviewCard | null {
  if (!card && correct && !unsure) return null;
  const base: Card = card ?? createEmptyCard(now);
  return scheduler.next(base, now, !correct ? Rating.Again : unsure ? Rating.Hard : Rating.Good).card;
}

export function parseCard(json: string): ReviewCard {
  const raw = JSON.parse(json) as Record<string, unknown>;
  return { ...(raw as unknown as Card), due: new Date(raw.due as string), last_review: raw.last_review ? new Date(raw.last_review as string) : undefined } as Card;
}

/**
 * Mastery of a domain: the share of right answers with a Beta(1, 1) prior, (right + 1) / (n + 2),
 * so that two answers do not claim 0% or 100%.
 */
export function mastery(correct: number, answered: number): number {
  return (correct + 1) / (answered + 2);
}
