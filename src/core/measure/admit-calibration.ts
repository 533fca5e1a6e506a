import type { CalibrationResult } from './calibrate.ts';
import { INTERCEPT_BOUND, SLOPE_BOUND } from './item-models.ts';

/** What a calibration must have before its parameters are used for scoring. */
export interface AdmissionRules {
  /** Fewer persons than this: nothing is stored. */
  minPersons: number;
  /** An item answered by fewer persons than this stays provisional. */
  minResponses: number;
  /** A slope below this cannot tell abilities apart (and b = -d/a is unstable): the item stays provisional. */
  minSlope: number;
}

export const DEFAULT_ADMISSION: AdmissionRules = { minPersons: 200, minResponses: 100, minSlope: 0.1 };

/** An item parameter set fit for scoring, on the N(0, 1) latent scale of its calibration. */
export interface AdmittedItem {
  id: string;
  a: number;
  d: number;
  c?: number;
  responses: number;
}

export interface Admission {
  /** Why nothing may be stored (too few persons, not converged); absent when some items are admitted. */
  refused?: string;
  admitted: AdmittedItem[];
  /**
   * Items fitted or seen but left provisional, with the reason (listed for review); `flagged` when the
   * item itself looks wrong (a slope at or below zero, a bound reached), not merely under-sampled.
   */
  leftOut: { id: string; reason: string; responses: number; flagged: boolean }[];
  /** Calibration-wide doubts (a model that the data cannot identify). */
  warnings: string[];
  /** The latent distribution the stored parameters assume: always N(0, 1) after rescaling. */
  latent: { mean: 0; sd: 1; fittedSd: number };
}

/**
 * Decides which calibrated items may score candidates. A slope at or below `minSlope` (a miskeyed item
 * has a negative one), a slope or intercept at its bound, a non-finite value or too few responses
 * leave the item provisional, with the reason. Rasch fits a common slope s with theta ~ N(0, 1)
 * (reported as a = 1 on a latent SD of s): the admitted parameters carry a = s, so every model's
 * parameters describe the same N(0, 1) population and score it without a separate latent SD.
 */
export function admitCalibration(result: CalibrationResult, rules: AdmissionRules = DEFAULT_ADMISSION): Admission {
  const fittedSd = result.model === 'rasch' ? (result.thetaSd ?? 1) : 1;
  const base = { admitted: [], warnings: [] as string[], latent: { mean: 0 as const, sd: 1 as const, fittedSd } };
  const excluded = result.excluded.map((e) => ({ id: e.id, reason: `not calibrated: ${e.reason}`, responses: e.responses, flagged: false }));
  if (!result.converged) return { ...base, refused: `not converged (${result.reason ?? 'no reason given'})`, leftOut: excluded };
  if (result.persons < rules.minPersons) {
    return { ...base, refused: `${result.persons} persons answered; a calibration needs at least ${rules.minPersons}`, leftOut: excluded };
  }
  const perItem = result.model === '3pl' ? 3 : result.model === '2pl' ? 2 : 1;
  const free = perItem * result.items.length + (result.model === 'rasch' ? 1 : 0);
  if (result.patterns < free) base.warnings.push(`the ${result.model} model is not identified by these data: ${result.patterns} distinct response patterns for ${free} parameters`);
  const admitted: AdmittedItem[] = [];
  const leftOut = [...excluded];
  for (const it of result.items) {
    const a = result.model === 'rasch' ? fittedSd : it.a;
    const why = whyNotAdmitted(a, it.d, it.c, it.responses, rules);
    if (why) leftOut.push({ id: it.id, reason: why.reason, responses: it.responses, flagged: why.flagged });
    else admitted.push({ id: it.id, a, d: it.d, ...(it.c !== undefined ? { c: it.c } : {}), responses: it.responses });
  }
  if (admitted.length === 0) return { ...base, refused: 'no item met the rules for scoring', leftOut };
  return { ...base, admitted, leftOut };
}

function whyNotAdmitted(a: number, d: number, c: number | undefined, responses: number, rules: AdmissionRules): { reason: string; flagged: boolean } | undefined {
  const flag = (reason: string) => ({ reason, flagged: true });
  if (!Number.isFinite(a) || !Number.isFinite(d) || (c !== undefined && !Number.isFinite(c))) return flag('a parameter is not a finite number');
  if (responses < rules.minResponses) return { reason: `${responses} responses; an item needs at least ${rules.minResponses}`, flagged: false };
  if (a < 0) return flag(`negative slope (a = ${a.toFixed(2)}): the item favours weaker candidates; check the key`);
  if (a < rules.minSlope) return flag(`slope about zero (a = ${a.toFixed(3)}): the item does not tell abilities apart`);
  if (a >= SLOPE_BOUND) return flag(`slope reached the bound ${SLOPE_BOUND}: estimate unreliable`);
  if (Math.abs(d) >= INTERCEPT_BOUND) return flag(`intercept reached the bound ${INTERCEPT_BOUND}: estimate unreliable`);
  return undefined;
}

/** A stored parameter set is usable for scoring (guards parameters stored before these rules, or by hand). */
export function usableParameters(p: { a: number; d: number; c?: number | undefined }): boolean {
  return Number.isFinite(p.a) && p.a > 0 && p.a < SLOPE_BOUND && Number.isFinite(p.d) && Math.abs(p.d) < INTERCEPT_BOUND && (p.c === undefined || (p.c >= 0 && p.c < 1));
}
