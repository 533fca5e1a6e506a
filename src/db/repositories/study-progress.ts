import type { Kysely } from 'kysely';
import type { Card } from 'ts-fsrs';
import { parseCard } from '../../core/learn/review-schedule.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export interface LessonProgress {
  lessonId: string;
  readMs: number | null;
  timeMs: number;
}

/** Lessons read and time spent on them; flash card schedules. */
export const studyProgress = {
  async lessons(db: Db, userId: string): Promise<Map<string, LessonProgress>> {
    const rows = await db.selectFrom('lesson_progress').selectAll().where('user_id', '=', userId).execute();
    return new Map(rows.map((r) => [r.lesson_id, { lessonId: r.lesson_id, readMs: r.read_ms === null ? null : Number(r.read_ms), timeMs: Number(r.time_ms) }]));
  },
  /** Adds time spent on a lesson and, with `read`, marks it read (the first time only). */
  async recordReading(db: Db, userId: string, lessonId: string, addMs: number, read: boolean, now: number): Promise<void> {
    await db
      .insertInto('lesson_progress')
      .values({ user_id: userId, lesson_id: lessonId, read_ms: read ? now : null, time_ms: addMs, updated_ms: now })
      .onConflict((oc) =>
        oc.columns(['user_id', 'lesson_id']).doUpdateSet((eb) => ({
          time_ms: eb(eb.ref('lesson_progress.time_ms'), '+', addMs),
          read_ms: read ? eb.fn.coalesce('lesson_progress.read_ms', eb.val(now)) : eb.ref('lesson_progress.read_ms'),
          updated_ms: now,
        })),
      )
      .execute();
  },
  async cards(db: Db, userId: string): Promise<Map<string, { card: Card; dueMs: number; reviews: number; lastRating: string; updatedMs: number }>> {
    const rows = await db.selectFrom('card_reviews').selectAll().where('user_id', '=', userId).execute();
    return new Map(rows.map((r) => [r.card_id, { card: parseCard(r.card), dueMs: Number(r.due_ms), reviews: Number(r.reviews), lastRating: r.last_rating, updatedMs: Number(r.updated_ms) }]));
  },
  async saveCard(db: Db, userId: string, cardId: string, card: Card, rating: string, now: number): Promise<void> {
    const values = { card: JSON.stringify(card), due_ms: card.due.getTime(), last_rating: rating, updated_ms: now };
    await db
      .insertInto('card_reviews')
      .values({ user_id: userId, card_id: cardId, reviews: 1, ...values })
      .onConflict((oc) => oc.columns(['user_id', 'card_id']).doUpdateSet((eb) => ({ ...values, reviews: eb(eb.ref('card_reviews.reviews'), '+', 1) })))
      .execute();
  },
  /** Flash card ratings given since `sinceMs` (today's reviews, for the daily limit). */
  async cardsRatedSince(db: Db, userId: string, sinceMs: number): Promise<number> {
    const r = await db.selectFrom('card_reviews').select((eb) => eb.fn.countAll<number | string>().as('n')).where('user_id', '=', userId).where('updated_ms', '>=', sinceMs).executeTakeFirst();
    return Number(r?.n ?? 0);
  },
};
