import { probability, type ItemParameters } from './ability.ts';

/**
 * Score rules of DESIGN.md ("Scaled score and per-domain classification"), after calibration (IRT)
 * and for provisional parameters. Small pure functions, so the scoring module and the readiness
 * estimate use the same arithmetic.
 */

export const PASS_SCALED = 720;
export const SCALED_PER_THETA = 140;
export const SCALED_MIN = 100;
export const SCALED_MAX = 1000;

/** Angoff raw cut of a form: the sum of its items' ratings, kept within [1, n - 1]. */
export function angoffRawCut(ratings: readonly number[]): number {
  if (ratings.length < 2) throw new Error(`Angoff raw cut: a form needs at least 2 scored items, got ${ratings.length}`);
  let sum = 0;
  ratings.forEach((r, k) => {
    if (!(r > 0 && r < 1)) throw new Error(`Angoff raw cut: rating ${k + 1} must be strictly between 0 and 1, got ${r}`);
    sum += r;
  });
  return Math.min(ratings.length - 1, Math.max(1, sum));
}

/** Test characteristic curve: expected raw score at theta, TCC(theta) = sum_j P_j(theta). */
export function testCharacteristic(items: readonly ItemParameters[], theta: number): number {
  let s = 0;
  for (const it of items) s += probability(it, theta);
  return s;
}

/**
 * Cut ability: the theta where the reference form's TCC equals the raw cut. TCC increases with theta
 * when every slope is positive, so bisection on [-20, 20] finds the unique root to 1e-10.
 * Throws when a slope is not positive or the raw cut lies outside the TCC's range (sum c_j, n).
 */
export function cutAbility(items: readonly ItemParameters[], rawCut: number): number {
  if (items.length === 0) throw new Error('cut ability: the reference form has no items');
  items.forEach((it, k) => {
    if (!(it.a > 0) || !Number.isFinite(it.d)) throw new Error(`cut ability: item ${k + 1} needs a positive slope and a finite intercept (a=${it.a}, d=${it.d})`);
  });
  const floor = items.reduce((s, it) => s + (it.c ?? 0), 0);
  if (!(rawCut > floor && rawCut < items.length)) {
    throw new Error(`cut ability: raw cut ${rawCut} is outside the reachable expected scores (${floor.toFixed(3)}, ${items.length}) of the reference form`);
  }
  let lo = -20;
  let hi = 20;
  if (testCharacteristic(items, lo) >= rawCut) return lo;
  if (testCharacteristic(items, hi) <= rawCut) return hi;
  while (hi - lo > 1e-10) {
    const mid = (lo + hi) / 2;
    if (testCharacteristic(items, mid) < rawCut) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Scaled score = clamp(round(720 + 140 (theta - thetaCut)), 100, 1000). */
export function irtScaledScore(theta: number, thetaCut: number): number {
  if (!Number.isFinite(theta) || !Number.isFinite(thetaCut)) throw new Error(`scaled score: theta (${theta}) and cut (${thetaCut}) must be finite`);
  return Math.min(SCALED_MAX, Math.max(SCALED_MIN, Math.round(PASS_SCALED + SCALED_PER_THETA * (theta - thetaCut))));
}

/** A forecast from one sitting is never certain: the shown probability stays within [1%, 99%]. */
export const SHOWN_PROBABILITY_MIN = 0.01;
export const SHOWN_PROBABILITY_MAX = 0.99;

/**
 * Probability of passing the next sitting: the ability is known up to its posterior N(thetaHat, se²),
 * and the next form measures it again with its own error formSe (1 / sqrt of that form's information
 * at the cut), so P = Phi((thetaHat − thetaCut) / sqrt(se² + formSe²)), kept within [1%, 99%].
 */
export function nextSittingPassProbability(thetaHat: number, se: number, thetaCut: number, formSe: number): number {
  if (!(formSe >= 0) || !Number.isFinite(formSe)) throw new Error(`P(pass next sitting): the form's standard error must be a number >= 0, got ${formSe}`);
  const p = passProbability(thetaHat, Math.sqrt(se * se + formSe * formSe), thetaCut);
  return Math.min(SHOWN_PROBABILITY_MAX, Math.max(SHOWN_PROBABILITY_MIN, p));
}

/** P(theta >= thetaCut) = Phi((thetaHat - thetaCut) / SE): the latent figure, for today's responses only. */
export function passProbability(thetaHat: number, se: number, thetaCut: number): number {
  if (!(se > 0) || !Number.isFinite(se)) throw new Error(`P(pass): standard error must be a positive number, got ${se}`);
  return normalCdf((thetaHat - thetaCut) / se);
}

export type DomainClassification = 'meets-competencies' | 'needs-improvement';

/** A domain meets competencies when its own ability estimate reaches the cut ability. */
export function classifyDomain(domainTheta: number, thetaCut: number): DomainClassification {
  return domainTheta >= thetaCut ? 'meets-competencies' : 'needs-improvement';
}

/**
 * Provisional parameters of an uncalibrated item from its Angoff rating r: a = 1, b = -ln(r / (1 - r)),
 * so d = -a b = ln(r / (1 - r)) and P(theta = 0) = r: a minimally qualified candidate sits at theta 0.
 */
export function provisionalParameters(rating: number): { a: number; b: number; d: number; provisional: true } {
  if (!(rating > 0 && rating < 1)) throw new Error(`provisional parameters: Angoff rating must be strictly between 0 and 1, got ${rating}`);
  const d = Math.log(rating / (1 - rating));
  return { a: 1, b: -d, d, provisional: true };
}

/**
 * Standard normal CDF, Phi(x) = erfc(-x / sqrt 2) / 2, with erfc from the rational-exponential fit of
 * Numerical Recipes (erfcc; fractional error below 1.2e-7 everywhere).
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new Error('normalCdf: x is NaN');
  return 0.5 * erfc(-x / Math.SQRT2);
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
