import { randomUUID } from 'node:crypto';
import type { ExamDefinition } from '../../core/exam/exam-schema.ts';
import { referenceForm } from '../../core/exam/reference-form.ts';
import { admitCalibration, DEFAULT_ADMISSION, type Admission, type AdmissionRules } from '../../core/measure/admit-calibration.ts';
import type { CalibrationResult } from '../../core/measure/calibrate.ts';
import { answerKeyOf, calibrationSample, type CalibrationSample } from '../../core/measure/calibration-sample.ts';
import { guessingPriorFor, type IrtModel } from '../../core/measure/item-models.ts';
import { entryQuestions } from '../../core/items/item-schema.ts';
import { chanceRate } from '../../core/scoring/chance-rate.ts';
import { matrixFromResponses } from '../../core/measure/matrix-from-responses.ts';
import { itemParams } from '../../db/repositories/item-params.ts';
import { items } from '../../db/repositories/items.ts';
import { responses } from '../../db/repositories/responses.ts';
import { calibrateParallel, type ParallelCalibrationOptions } from '../../measure/calibrate-parallel.ts';
import { openStore } from '../open-store.ts';

export interface StoreCalibration {
  result: CalibrationResult | undefined;
  admission: Admission | undefined;
  sample: CalibrationSample | undefined;
  stored: boolean;
  message: string;
}

/**
 * Calibrates the bank from the stored responses (one person per user, each user's first response to
 * an item as keyed today, given without feedback and before seeing the key) and stores the parameters
 * of the items fit to score candidates, with the fit date, the sample sizes and the items left
 * provisional (with why). Not converged, or too few persons: nothing is stored.
 */
export async function calibrateStore(
  database: string | undefined,
  model: IrtModel,
  options: Omit<ParallelCalibrationOptions, 'model'> & { rules?: Partial<AdmissionRules>; exams?: readonly ExamDefinition[] } = {},
): Promise<StoreCalibration> {
  const { rules: ruleOptions, exams = [], ...fitOptions } = options;
  const rules = { ...DEFAULT_ADMISSION, ...ruleOptions };
  const none = { result: undefined, admission: undefined, sample: undefined, stored: false };
  const handle = await openStore(database);
  try {
    const rows = await responses.forCalibration(handle.db);
    if (rows.length === 0) return { ...none, message: 'no responses are stored yet: nothing to calibrate' };
    const active = (await items.allActive(handle.db)).map((a) => a.entry);
    const current = new Map<string, string>();
    const chance = new Map<string, number>();
    for (const entry of active) {
      for (const q of entryQuestions(entry)) {
        const key = answerKeyOf(entry, q.id);
        if (key !== undefined && !current.has(q.id)) current.set(q.id, key);
        if (!chance.has(q.id)) chance.set(q.id, chanceRate(q));
      }
    }
    const versions = await items.versions(handle.db, [...new Set(rows.map((r) => r.versionId))]);
    const sample = calibrationSample(
      rows.map((r) => {
        const entry = versions.get(r.versionId);
        return { ...r, key: entry ? answerKeyOf(entry, r.itemId) : undefined };
      }),
      (id) => current.get(id),
    );
    if (sample.persons < rules.minPersons) {
      return { ...none, sample, message: `${sample.persons} persons have usable responses; a calibration needs at least ${rules.minPersons}: the stored parameters are unchanged` };
    }
    const data = matrixFromResponses(sample.responses);
    // 3PL: each item's guessing prior follows its type's chance rate (1/4 for four options, 1/10 for two of five, ...).
    const guessingPrior = model === '3pl' ? (id: string) => guessingPriorFor(chance.get(id) ?? 0.25) : undefined;
    const result = await calibrateParallel(data, { ...fitOptions, model, ...(guessingPrior ? { guessingPrior } : {}) });
    const admission = admitCalibration(result, rules);
    if (admission.refused) return { result, admission, sample, stored: false, message: `${admission.refused}: the stored parameters are unchanged` };
    const fittedMs = Date.now();
    await handle.db.transaction().execute((trx) =>
      itemParams.replace(
        trx,
        {
          id: randomUUID(),
          model,
          fittedMs,
          persons: result.persons,
          items: admission.admitted.length,
          logLik: result.logLik,
          iterations: result.iterations,
          converged: true,
          fittedSd: model === 'rasch' ? admission.latent.fittedSd : null,
          warnings: admission.warnings,
        },
        admission.admitted.map((i) => ({ itemId: i.id, a: i.a, d: i.d, c: i.c, responses: i.responses })),
        admission.leftOut.map((l) => ({ itemId: l.id, reason: l.reason, responses: l.responses, flagged: l.flagged })),
        // Each exam's reference form, frozen with the calibration so the cut does not drift as the bank grows.
        exams.flatMap((exam) => [...referenceForm(active, exam)].map(([itemId, angoff]) => ({ examId: exam.id, itemId, angoff }))),
      ),
    );
    return {
      result,
      admission,
      sample,
      stored: true,
      message: `stored parameters of ${admission.admitted.length} items from ${result.persons} persons (${new Date(fittedMs).toISOString()}); ${admission.leftOut.length} items left provisional (listed above)`,
    };
  } finally {
    await handle.close();
  }
}
