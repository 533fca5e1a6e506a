import type { Kysely } from 'kysely';
import type { ItemParameters } from '../../core/measure/ability.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export interface CalibrationRecord {
  id: string;
  model: string;
  fittedMs: number;
  persons: number;
  items: number;
  logLik: number;
  iterations: number;
  converged: boolean;
  /** The latent SD the fit estimated (Rasch); the stored parameters are on N(0, 1). */
  fittedSd?: number | null;
  warnings?: string[];
}

export const itemParams = {
  /** Replaces the stored parameters with a new calibration's, in the caller's transaction. */
  async replace(
    db: Db,
    cal: CalibrationRecord,
    params: { itemId: string; a: number; d: number; c?: number | undefined; responses: number }[],
    leftOut: { itemId: string; reason: string; responses: number; flagged?: boolean }[] = [],
    reference: { examId: string; itemId: string; angoff: number }[] = [],
  ): Promise<void> {
    await db
      .insertInto('calibrations')
      .values({
        id: cal.id,
        model: cal.model,
        fitted_ms: cal.fittedMs,
        persons: cal.persons,
        items: cal.items,
        log_lik: cal.logLik,
        iterations: cal.iterations,
        converged: cal.converged ? 1 : 0,
        fitted_sd: cal.fittedSd ?? null,
        warnings: JSON.stringify(cal.warnings ?? []),
      })
      .execute();
    for (let i = 0; i < leftOut.length; i += 200) {
      await db
        .insertInto('calibration_left_out')
        .values(leftOut.slice(i, i + 200).map((l) => ({ calibration_id: cal.id, item_id: l.itemId, reason: l.reason, responses: l.responses, flagged: l.flagged ? 1 : 0 })))
        .execute();
    }
    for (let i = 0; i < reference.length; i += 200) {
      await db
        .insertInto('calibration_reference')
        .values(reference.slice(i, i + 200).map((r) => ({ calibration_id: cal.id, exam_id: r.examId, item_id: r.itemId, angoff: r.angoff })))
        .execute();
    }
    await db.deleteFrom('item_params').execute();
    for (let i = 0; i < params.length; i += 200) {
      await db
        .insertInto('item_params')
        .values(params.slice(i, i + 200).map((p) => ({ item_id: p.itemId, calibration_id: cal.id, a: p.a, d: p.d, c: p.c ?? null, responses: p.responses })))
        .execute();
    }
  },
  async all(db: Db): Promise<Map<string, ItemParameters>> {
    const rows = await db.selectFrom('item_params').selectAll().execute();
    return new Map(rows.map((r) => [r.item_id, { a: Number(r.a), d: Number(r.d), ...(r.c !== null ? { c: Number(r.c) } : {}) }]));
  },
  async latest(db: Db): Promise<CalibrationRecord | undefined> {
    const r = await db.selectFrom('calibrations').selectAll().orderBy('fitted_ms', 'desc').limit(1).executeTakeFirst();
    return (
      r && {
        id: r.id,
        model: r.model,
        fittedMs: Number(r.fitted_ms),
        persons: r.persons,
        items: r.items,
        logLik: Number(r.log_lik),
        iterations: r.iterations,
        converged: r.converged === 1,
        fittedSd: r.fitted_sd === null ? null : Number(r.fitted_sd),
        warnings: r.warnings ? (JSON.parse(r.warnings) as string[]) : [],
      }
    );
  },
  /** An exam's reference form as frozen with a calibration: item id → Angoff rating (empty when none was frozen). */
  async reference(db: Db, calibrationId: string, examId: string): Promise<Map<string, number>> {
    const rows = await db.selectFrom('calibration_reference').select(['item_id', 'angoff']).where('calibration_id', '=', calibrationId).where('exam_id', '=', examId).execute();
    return new Map(rows.map((r) => [r.item_id, Number(r.angoff)]));
  },
  /** The items a calibration left provisional, with the reason: the review list. */
  async leftOut(db: Db, calibrationId: string): Promise<{ itemId: string; reason: string; responses: number; flagged: boolean }[]> {
    const rows = await db.selectFrom('calibration_left_out').selectAll().where('calibration_id', '=', calibrationId).orderBy('item_id').execute();
    return rows.map((r) => ({ itemId: r.item_id, reason: r.reason, responses: r.responses, flagged: r.flagged === 1 }));
  },
};
