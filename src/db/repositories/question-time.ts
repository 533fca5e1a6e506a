import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

/** Time on screen per question of an attempt, as the candidate's browser reported it. */
export const questionTime = {
  /**
   * Stores cumulative times; a figure lower than the one stored is ignored, so a report that arrives
   * late, or from a second tab that saw less, never takes time away.
   */
  async record(db: Db, attemptId: string, times: { position: number; ms: number }[], now: number): Promise<void> {
    if (times.length === 0) return;
    await db
      .insertInto('question_time')
      .values(times.map((t) => ({ attempt_id: attemptId, position: t.position, ms: t.ms, updated_ms: now })))
      .onConflict((oc) =>
        oc
          .columns(['attempt_id', 'position'])
          .doUpdateSet((eb) => ({ ms: eb.ref('excluded.ms'), updated_ms: eb.ref('excluded.updated_ms') }))
          .where('question_time.ms', '<', (eb) => eb.ref('excluded.ms')),
      )
      .execute();
  },
  /** Milliseconds per position of one attempt (positions never shown are absent). */
  async forAttempt(db: Db, attemptId: string): Promise<Map<number, number>> {
    const rows = await db.selectFrom('question_time').select(['position', 'ms']).where('attempt_id', '=', attemptId).execute();
    return new Map(rows.map((r) => [r.position, Number(r.ms)]));
  },
  /** The total per attempt, for the attempts given (absent: no time recorded). */
  async totals(db: Db, attemptIds: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < attemptIds.length; i += 500) {
      const rows = await db
        .selectFrom('question_time')
        .select((eb) => ['attempt_id', eb.fn.sum<number | string>('ms').as('total')])
        .where('attempt_id', 'in', attemptIds.slice(i, i + 500))
        .groupBy('attempt_id')
        .execute();
      for (const r of rows) out.set(r.attempt_id, Number(r.total));
    }
    return out;
  },
};
