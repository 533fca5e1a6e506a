import { fillChunkSums, type EStepCounts, type EStepTables } from './e-step.ts';
import type { Quadrature } from './normal-quadrature.ts';

export type IrtModel = 'rasch' | '2pl' | '3pl';

/** Beta(alpha, beta) prior on the 3PL guessing parameter c (density proportional to c^(alpha-1) (1-c)^(beta-1)). */
export interface GuessingPrior {
  alpha: number;
  beta: number;
}

/** One guessing prior for every item, or one per item (in the calibration's item order). */
export type GuessingPriors = GuessingPrior | readonly GuessingPrior[];

export function priorAt(priors: GuessingPriors, j: number): GuessingPrior {
  return 'alpha' in priors ? priors : priors[j]!;
}

/**
 * A guessing prior for an item type from its chance rate (1 / options for multiple choice, 1 / C(n, k)
 * for "select k of n", 1 / n! for an order): Beta with mean near the chance rate and the weight of
 * the default Beta(5, 17) (22 pseudo-answers), alpha at least 1 so the density stays finite at 0.
 */
export function guessingPriorFor(chance: number): GuessingPrior {
  const alpha = Math.max(1, 22 * chance);
  return { alpha, beta: Math.max(1, 22 - alpha) };
}

/** Bounds that keep a runaway item finite; an item that ends on one is flagged. */
export const SLOPE_BOUND = 20;
export const INTERCEPT_BOUND = 30;
const LOGIT_C_BOUND = 12;

/**
 * Parameter vector layouts (the unconstrained scale on which EM and SQUAREM work):
 *   2PL: [a_0, d_0, a_1, d_1, ...]; 3PL: [a_j, d_j, gamma_j] per item with c_j = 1/(1+exp(-gamma_j));
 *   Rasch: [d_0, ..., d_{J-1}, s] where s is one slope shared by all items on a standard normal z.
 * Rasch with a = 1 and theta ~ N(0, s^2) is the same likelihood as slope s on z ~ N(0, 1), so s is
 * the reported latent SD (thetaSd) and the quadrature stays fixed.
 */
export function paramCount(model: IrtModel, nItems: number): number {
  return model === 'rasch' ? nItems + 1 : model === '2pl' ? 2 * nItems : 3 * nItems;
}

export interface ItemPoint {
  a: number;
  d: number;
  c: number;
}

export function itemAt(model: IrtModel, params: Float64Array, nItems: number, j: number): ItemPoint {
  if (model === 'rasch') return { a: params[nItems]!, d: params[j]!, c: 0 };
  if (model === '2pl') return { a: params[2 * j]!, d: params[2 * j + 1]!, c: 0 };
  return { a: params[3 * j]!, d: params[3 * j + 1]!, c: sigmoid(params[3 * j + 2]!) };
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** log(1/(1+exp(-x))) without overflow. */
export function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/** Fills the E-step tables (log P, log Q, their difference, base = sum_j log Q) for `params`. */
export function fillTables(model: IrtModel, params: Float64Array, nItems: number, quad: Quadrature, t: EStepTables, dense = false): void {
  const Q = quad.nodes.length;
  t.base.fill(0);
  for (let j = 0; j < nItems; j++) {
    const { a, d, c } = itemAt(model, params, nItems, j);
    const logC = Math.log(c);
    const log1mC = Math.log1p(-c);
    for (let q = 0; q < Q; q++) {
      const eta = a * quad.nodes[q]! + d;
      let lp: number;
      let lq: number;
      if (c === 0) {
        lp = logSigmoid(eta);
        lq = logSigmoid(-eta);
      } else {
        // P = c + (1-c) sigmoid(eta): log P = log(c) + log1p((1-c)/c * sigmoid(eta)) in log-sum-exp form
        const ls = logSigmoid(eta) + log1mC;
        lp = ls > logC ? ls + Math.log1p(Math.exp(logC - ls)) : logC + Math.log1p(Math.exp(ls - logC));
        lq = log1mC + logSigmoid(-eta);
      }
      t.logP[j * Q + q] = lp;
      t.logQ[j * Q + q] = lq;
      t.diff[j * Q + q] = lp - lq;
      t.base[q]! += lq;
    }
  }
  if (dense) fillChunkSums(t, nItems);
}

export function newTables(nItems: number, quad: Quadrature, dense = false): EStepTables {
  const Q = quad.nodes.length;
  return {
    nQuad: Q,
    logPrior: Float64Array.from(quad.weights, (w) => Math.log(w)),
    logP: new Float64Array(nItems * Q),
    logQ: new Float64Array(nItems * Q),
    diff: new Float64Array(nItems * Q),
    base: new Float64Array(Q),
    chunkSum: new Float64Array(dense ? Math.ceil(nItems / 8) * 256 * Q : 0),
  };
}

/** Log density of the 3PL guessing priors at `params` (0 for the other models); part of the EM objective. */
export function logPriorDensity(model: IrtModel, params: Float64Array, nItems: number, priors: GuessingPriors): number {
  if (model !== '3pl') return 0;
  let s = 0;
  for (let j = 0; j < nItems; j++) {
    const prior = priorAt(priors, j);
    const c = sigmoid(params[3 * j + 2]!);
    s += (prior.alpha - 1) * Math.log(c) + (prior.beta - 1) * Math.log1p(-c);
  }
  return s;
}

export function clampParams(model: IrtModel, params: Float64Array, nItems: number): void {
  const clamp = (k: number, b: number) => {
    const v = params[k]!;
    params[k] = Number.isFinite(v) ? Math.min(b, Math.max(-b, v)) : 0;
  };
  if (model === 'rasch') {
    for (let j = 0; j < nItems; j++) clamp(j, INTERCEPT_BOUND);
    clamp(nItems, SLOPE_BOUND);
    return;
  }
  const w = model === '2pl' ? 2 : 3;
  for (let j = 0; j < nItems; j++) {
    clamp(w * j, SLOPE_BOUND);
    clamp(w * j + 1, INTERCEPT_BOUND);
    if (w === 3) clamp(w * j + 2, LOGIT_C_BOUND);
  }
}

export type { EStepCounts };
