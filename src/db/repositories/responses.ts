import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export interface ResponseRow {
  attemptId: string;
  userId: string;
  itemId: string;
  versionId: string;
  position: number;
  scored: boolean;
  correct: boolean;
  answer: string | null;
  answeredMs: number;
  /** The user had seen this item's key before answering (left out of calibration). */
  afterReveal?: boolean;
}

export const responses = {
  async insertMany(db: Db, rows: ResponseRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) {
      await db
        .insertInto('responses')
        .values(
          rows.slice(i, i + 200).map((r) => ({
            attempt_id: r.attemptId,
            user_id: r.userId,
            item_id: r.itemId,
            version_id: r.versionId,
            position: r.position,
            scored: r.scored ? 1 : 0,
            correct: r.correct ? 1 : 0,
            answer: r.answer,
            answered_ms: r.answeredMs,
            after_reveal: r.afterReveal ? 1 : 0,
          })),
        )
        .onConflict((oc) => oc.columns(['attempt_id', 'position']).doNothing())
        .execute();
    }
  },
  async byUser(db: Db, userId: string): Promise<{ itemId: string; correct: boolean; answeredMs: number; afterReveal: boolean }[]> {
    const rows = await db.selectFrom('responses').select(['item_id', 'correct', 'answered_ms', 'after_reveal']).where('user_id', '=', userId).orderBy('answered_ms').execute();
    return rows.map((r) => ({ itemId: r.item_id, correct: r.correct === 1, answeredMs: Number(r.answered_ms), afterReveal: r.after_reveal === 1 }));
  },
  /**
   * The responses that measure ability, for calibration and item analysis: every response except
   * those given after the user had seen the item's key.
   */
  /** Every response with what decides whether a calibration may use it (see core/measure/calibration-sample.ts). */
  async forCalibration(db: Db): Promise<{ userId: string; itemId: string; versionId: string; correct: boolean; answeredMs: number; afterReveal: boolean; withoutFeedback: boolean }[]> {
    const rows = await db
      .selectFrom('responses')
      .innerJoin('attempts', 'attempts.id', 'responses.attempt_id')
      .select(['responses.user_id', 'responses.item_id', 'responses.version_id', 'responses.correct', 'responses.answered_ms', 'responses.after_reveal', 'attempts.feedback'])
      .execute();
    return rows.map((r) => ({
      userId: r.user_id,
      itemId: r.item_id,
      versionId: r.version_id,
      correct: r.correct === 1,
      answeredMs: Number(r.answered_ms),
      afterReveal: r.after_reveal === 1,
      withoutFeedback: r.feedback === 'end',
    }));
  },
  /** Per item: the responses that measure ability (key unseen) and how many were right. */
  async tallies(db: Db): Promise<Map<string, { responses: number; correct: number }>> {
    const rows = await db
      .selectFrom('responses')
      .select((eb) => ['item_id', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('correct').as('right')])
      .where('after_reveal', '=', 0)
      .groupBy('item_id')
      .execute();
    return new Map(rows.map((r) => [r.item_id, { responses: Number(r.n), correct: Number(r.right) }]));
  },
  async forMeasurement(db: Db): Promise<{ userId: string; itemId: string; correct: boolean; answer: string | null; attemptId: string }[]> {
    const rows = await db.selectFrom('responses').select(['user_id', 'item_id', 'correct', 'answer', 'attempt_id']).where('after_reveal', '=', 0).execute();
    return rows.map((r) => ({ userId: r.user_id, itemId: r.item_id, correct: r.correct === 1, answer: r.answer, attemptId: r.attempt_id }));
  },
};
