import { randomUUID } from 'node:crypto';
import type { CalibrationResult } from '../../core/measure/calibrate.ts';
import type { IrtModel } from '../../core/measure/item-models.ts';
import { matrixFromResponses } from '../../core/measure/matrix-from-responses.ts';
import { itemParams } from '../../db/repositories/item-params.ts';
import { responses } from '../../db/repositories/responses.ts';
import { calibrateParallel, type ParallelCalibrationOptions } from '../../measure/calibrate-parallel.ts';
import { openStore } from '../open-store.ts';

/**
 * Calibrates the bank from the stored responses (each attempt a person) and stores the item
 * parameters with the fit date and sample sizes. Not converged: nothing is stored.
 */
export async function calibrateStore(
  database: string | undefined,
  model: IrtModel,
  options: Omit<ParallelCalibrationOptions, 'model'>,
): Promise<{ result: CalibrationResult | undefined; stored: boolean; message: string }> {
  const handle = await openStore(database);
  try {
    const rows = await responses.forMeasurement(handle.db);
    if (rows.length === 0) return { result: undefined, stored: false, message: 'no responses are stored yet: nothing to calibrate' };
    const data = matrixFromResponses(rows.map((r) => ({ person: r.attemptId, item: r.itemId, score: r.correct ? 1 : 0 })));
    const result = await calibrateParallel(data, { ...options, model });
    if (!result.converged) return { result, stored: false, message: `not converged (${result.reason}): the stored parameters are unchanged` };
    const fittedMs = Date.now();
    await handle.db.transaction().execute((trx) =>
      itemParams.replace(
        trx,
        { id: randomUUID(), model, fittedMs, persons: result.persons, items: result.items.length, logLik: result.logLik, iterations: result.iterations, converged: true },
        result.items.map((i) => ({ itemId: i.id, a: i.a, d: i.d, c: i.c, responses: i.responses })),
      ),
    );
    return { result, stored: true, message: `stored parameters of ${result.items.length} items from ${result.persons} attempts (${new Date(fittedMs).toISOString()}); ${result.excluded.length} items not calibrated` };
  } finally {
    await handle.close();
  }
}
