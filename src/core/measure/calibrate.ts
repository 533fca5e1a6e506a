import { eStep, emptyCounts, finishCounts, type EStepCounts, type EStepTables } from './e-step.ts';
import { normalQuadrature } from './normal-quadrature.ts';
import { clampParams, fillTables, itemAt, logPriorDensity, newTables, paramCount, INTERCEPT_BOUND, SLOPE_BOUND, type GuessingPrior, type GuessingPriors, type IrtModel } from './item-models.ts';
import { mStep } from './m-step.ts';
import { classicalLoadings, startValues } from './start-values.ts';
import { buildPatterns, type ExclusionReason, type PatternSet } from './pattern-set.ts';
import type { ResponseMatrix } from './response-matrix.ts';

export interface CalibrationOptions {
  model: IrtModel;
  /** Quadrature points on [-quadRange, quadRange]; mirt's defaults are 61 and 6. */
  quadPoints?: number;
  quadRange?: number;
  /** Converged when no parameter moves by more than this in one EM step (mirt: 1e-4). */
  tolerance?: number;
  /** Cap on EM steps (each SQUAREM cycle counts its 2-3 steps). */
  maxIterations?: number;
  /** SQUAREM acceleration (Varadhan & Roland 2008); off gives plain Bock–Aitkin EM. */
  accelerate?: boolean;
  /**
   * 3PL only: Beta prior on c, default Beta(5, 17) (mean 0.23, for four-option items); or a prior per
   * item id, e.g. from its type's chance rate (`guessingPriorFor`).
   */
  guessingPrior?: GuessingPrior | ((itemId: string) => GuessingPrior);
}

export interface CalibratedItem {
  id: string;
  /** P(x=1|theta) = c + (1-c) / (1 + exp(-(a theta + d))), b = -d/a. */
  a: number;
  d: number;
  b: number;
  c?: number;
  responses: number;
  pRight: number;
  warnings: string[];
}

export interface CalibrationResult {
  model: IrtModel;
  items: CalibratedItem[];
  excluded: { id: string; reason: ExclusionReason; responses: number }[];
  logLik: number;
  iterations: number;
  converged: boolean;
  /** Why not converged (absent when converged). */
  reason?: string;
  /** Rasch only: estimated SD of theta (item slopes are fixed at 1). */
  thetaSd?: number;
  persons: number;
  patterns: number;
  droppedPersons: number;
  perfectPersons: number;
  zeroPersons: number;
}

/** What the calibration asks its driver for: the E-step counts over all patterns at these tables. */
export interface EStepRequest {
  patterns: PatternSet;
  tables: EStepTables;
  iteration: number;
  lastLogLik: number;
  lastChange: number;
}

/**
 * Marginal maximum likelihood by Bock–Aitkin EM, written as a generator so that whoever drives it
 * decides how E-steps run (in this thread, or split over worker threads): each `yield` hands out
 * tables and expects back the summed, unfinished E-step counts of every pattern.
 *
 * Each EM map F(theta) = M-step(E-step(theta)) increases the marginal log-likelihood. SQUAREM (S3):
 * r = F(x0) - x0, v = F(F(x0)) - F(x0) - r, alpha = -|r|/|v| (<= -1), x' = x0 - 2 alpha r + alpha^2 v,
 * then one stabilising F(x'); x' is kept only if its objective is not below x0's, else F(F(x0)).
 * Converged when max |F(x) - x| < tolerance.
 */
export function* calibrationSteps(data: ResponseMatrix, options: CalibrationOptions): Generator<EStepRequest, CalibrationResult, EStepCounts> {
  const model = options.model;
  const tol = options.tolerance ?? 1e-4;
  const maxIter = options.maxIterations ?? 500;
  const given = options.guessingPrior ?? { alpha: 5, beta: 17 };
  if (!(tol > 0)) throw new Error(`calibrate: tolerance must be > 0, got ${tol}`);
  const quad = normalQuadrature(options.quadPoints ?? 61, options.quadRange ?? 6);
  const build = buildPatterns(data);
  const pat = build.patterns;
  const J = pat.nItems;
  const base: CalibrationResult = {
    model,
    items: [],
    excluded: build.excluded.map((e) => ({ id: data.itemIds[e.index]!, reason: e.reason, responses: e.responses })),
    logLik: 0,
    iterations: 0,
    converged: false,
    persons: pat.totalWeight,
    patterns: pat.nPatterns,
    droppedPersons: build.droppedPersons,
    perfectPersons: build.perfectPersons,
    zeroPersons: build.zeroPersons,
  };
  if (J === 0 || pat.nPatterns === 0) {
    const why = data.itemIds.length === 0 ? 'no items in the data' : J === 0 ? 'no item has both right and wrong answers' : 'no person answered a calibratable item';
    return { ...base, reason: `nothing to calibrate: ${why}` };
  }
  const pRight = build.calibrated.map((j) => build.correct[j]! / build.responses[j]!);
  const prior: GuessingPriors = typeof given === 'function' ? build.calibrated.map((j) => given(data.itemIds[j]!)) : given;
  for (const [k, p] of ('alpha' in prior ? [prior] : prior).entries()) {
    if (!(p.alpha >= 1 && p.beta >= 1)) throw new Error(`calibrate: guessing prior ${'alpha' in prior ? '' : `of item ${k + 1} `}needs alpha, beta >= 1, got ${p.alpha}, ${p.beta}`);
  }
  const Q = quad.nodes.length;
  const tables = newTables(J, quad, pat.dense);
  let iterations = 0;
  let lastLogLik = 0;
  let lastChange = Infinity;

  function* evalF(x: Float64Array): Generator<EStepRequest, { next: Float64Array; objective: number; logLik: number }, EStepCounts> {
    fillTables(model, x, J, quad, tables, pat.dense);
    const counts = yield { patterns: pat, tables, iteration: iterations, lastLogLik, lastChange };
    finishCounts(pat, Q, counts);
    iterations++;
    lastLogLik = counts.logLik;
    const next = mStep(model, x, J, counts, quad.nodes, prior);
    clampParams(model, next, J);
    return { next, objective: counts.logLik + logPriorDensity(model, x, J, prior), logLik: counts.logLik };
  }

  let x0 = startValues(model, pRight, classicalLoadings(pat).loading, prior);
  let stepMax = 1;
  let converged = false;
  let final = x0;
  let finalLogLik: number | null = null;
  for (;;) {
    const f0 = yield* evalF(x0);
    const r = diff(f0.next, x0);
    lastChange = maxAbs(r);
    if (lastChange < tol) {
      // x0 and F(x0) agree to within tol; report x0, whose log-likelihood this E-step computed.
      converged = true;
      final = x0;
      finalLogLik = f0.logLik;
      break;
    }
    final = f0.next;
    if (iterations >= maxIter) break;
    if (options.accelerate === false) {
      x0 = f0.next;
      continue;
    }
    const f1 = yield* evalF(f0.next);
    final = f1.next;
    // Every EM evaluation is a convergence test: F(x1) - x1 is the residual at x1 = F(x0).
    const r1 = diff(f1.next, f0.next);
    lastChange = maxAbs(r1);
    if (lastChange < tol) {
      converged = true;
      final = f0.next;
      finalLogLik = f1.logLik;
      break;
    }
    const v = diff(r1, r);
    const nr = norm(r);
    const nv = norm(v);
    if (nv === 0 || iterations >= maxIter) {
      x0 = f1.next;
      if (iterations >= maxIter) break;
      continue;
    }
    const alpha = Math.max(-stepMax, Math.min(-1, -nr / nv));
    const xp = new Float64Array(x0.length);
    for (let k = 0; k < xp.length; k++) xp[k] = x0[k]! - 2 * alpha * r[k]! + alpha * alpha * v[k]!;
    clampParams(model, xp, J);
    const fp = yield* evalF(xp);
    if (Number.isFinite(fp.objective) && fp.objective >= f0.objective - 1e-9 * Math.abs(f0.objective)) {
      const rp = maxAbs(diff(fp.next, xp));
      if (rp < tol) {
        lastChange = rp;
        converged = true;
        final = xp;
        finalLogLik = fp.logLik;
        break;
      }
      x0 = fp.next;
      if (alpha === -stepMax) stepMax *= 4;
    } else {
      x0 = f1.next;
      stepMax = Math.max(1, stepMax / 4);
    }
    final = x0;
    if (iterations >= maxIter) break;
  }
  if (finalLogLik === null) {
    // Stopped by the iteration limit: one more E-step so the log-likelihood belongs to the reported parameters.
    fillTables(model, final, J, quad, tables, pat.dense);
    finalLogLik = (yield { patterns: pat, tables, iteration: iterations, lastLogLik, lastChange }).logLik;
  }
  const items = build.calibrated.map((orig, j) => toItem(model, final, J, j, data.itemIds[orig]!, build.responses[orig]!, pRight[j]!));
  return {
    ...base,
    items,
    logLik: finalLogLik,
    iterations,
    converged,
    ...(converged ? {} : { reason: `iteration limit (${maxIter}) reached; largest parameter change in the last EM step ${lastChange.toExponential(2)} > tolerance ${tol}` }),
    ...(model === 'rasch' ? { thetaSd: Math.abs(final[J]!) } : {}),
  };
}

/** Calibrates in the calling thread. `data` may come from a CSV file, the database or a simulation. */
export function calibrate(data: ResponseMatrix, options: CalibrationOptions): CalibrationResult {
  const steps = calibrationSteps(data, options);
  let next = steps.next(emptyCounts(0, 0));
  while (!next.done) {
    const { patterns, tables } = next.value;
    const counts = emptyCounts(patterns.nItems, tables.nQuad, patterns.dense);
    eStep(patterns, tables, 0, patterns.nPatterns, counts);
    next = steps.next(counts);
  }
  return next.value;
}

/** Slopes beyond this are rare in real tests (mirt users see them as Heywood-like cases). */
const STEEP_SLOPE = 5;

function toItem(model: IrtModel, x: Float64Array, J: number, j: number, id: string, responses: number, pRight: number): CalibratedItem {
  const p = itemAt(model, x, J, j);
  const a = model === 'rasch' ? 1 : p.a;
  const d = p.d;
  const warnings: string[] = [];
  if (model !== 'rasch' && a < 0) warnings.push('negative slope: the item favours low-ability persons (check the key)');
  if (model !== 'rasch' && Math.abs(p.a) >= SLOPE_BOUND) warnings.push(`slope reached the bound ${SLOPE_BOUND}: estimate unreliable`);
  else if (model !== 'rasch' && Math.abs(p.a) > STEEP_SLOPE) warnings.push(`slope above ${STEEP_SLOPE}: too few responses or a near-perfect split; estimate unreliable`);
  if (Math.abs(d) >= INTERCEPT_BOUND) warnings.push(`intercept reached the bound ${INTERCEPT_BOUND}: estimate unreliable`);
  let b: number;
  if (Math.abs(a) < 1e-6) {
    warnings.push('slope is about zero: difficulty b = -d/a is undefined (reported as +-1e6)');
    b = d > 0 ? -1e6 : 1e6;
  } else b = -d / a;
  const item: CalibratedItem = { id, a, d, b, responses, pRight, warnings };
  if (model === '3pl') {
    item.c = p.c;
    if (p.c > 0.5) warnings.push(`guessing parameter c = ${p.c.toFixed(2)} is implausibly high`);
  }
  return item;
}

function diff(x: Float64Array, y: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let k = 0; k < x.length; k++) out[k] = x[k]! - y[k]!;
  return out;
}

function maxAbs(x: Float64Array): number {
  let m = 0;
  for (let k = 0; k < x.length; k++) m = Math.max(m, Math.abs(x[k]!));
  return m;
}

function norm(x: Float64Array): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += x[k]! * x[k]!;
  return Math.sqrt(s);
}

export { paramCount };
