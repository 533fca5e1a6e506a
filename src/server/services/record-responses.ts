import type { Kysely } from 'kysely';
import type { FormEntry } from '../../core/exam/assemble-form.ts';
import { parseCard, scheduleReview } from '../../core/learn/review-schedule.ts';
import type { BankAnswer } from '../../core/scoring/score-question.ts';
import type { AttemptRecord } from '../../db/repositories/attempts.ts';
import { responses } from '../../db/repositories/responses.ts';
import { revealedKeys } from '../../db/repositories/revealed-keys.ts';
import { reviewCards } from '../../db/repositories/review-cards.ts';
import type { Database } from '../../db/schema.ts';

/** Records responses (for measurement) and updates the review schedule (for learning), in the caller's transaction. */
export async function recordResponses(
  trx: Kysely<Database>,
  record: AttemptRecord,
  rows: { entry: FormEntry; versionId: string; answer: BankAnswer | null; correct: boolean }[],
  now: number,
): Promise<void> {
  // A response given after the user saw the key measures memory: kept for learning, not for calibration.
  const revealed = await revealedKeys.seenBefore(trx, record.userId, rows.map((r) => r.entry.itemId), now + 1);
  await responses.insertMany(
    trx,
    rows.map((r) => ({
      afterReveal: revealed.has(r.entry.itemId),
      attemptId: record.id,
      userId: record.userId,
      itemId: r.entry.itemId,
      versionId: r.versionId,
      position: r.entry.position,
      scored: r.entry.scored,
      correct: r.correct,
      answer: r.answer ? JSON.stringify(r.answer) : null,
      answeredMs: now,
    })),
  );
  const cards = await reviewCards.byUser(trx, record.userId, rows.map((r) => r.entry.itemId));
  const unsure = new Set((await trx.selectFrom('unsure_answers').select('position').where('attempt_id', '=', record.id).execute()).map((u) => u.position));
  for (const r of rows) {
    const before = cards.get(r.entry.itemId);
    const card = scheduleReview(before ? parseCard(before) : null, r.correct, new Date(now), unsure.has(r.entry.position));
    if (card) await reviewCards.upsert(trx, { userId: record.userId, itemId: r.entry.itemId, card: JSON.stringify(card), dueMs: card.due.getTime(), lapses: card.lapses, now });
  }
}
