import { paramCount, priorAt, type GuessingPriors, type IrtModel } from './item-models.ts';
import type { PatternSet } from './pattern-set.ts';

/**
 * Classical item loadings from the data, for EM start values: for item j over the patterns that
 * answered it (and something else), the point-biserial r_pb of the item score with the rest score
 * (proportion right among the other answered items, so sparse designs are on one scale), turned into
 * a biserial r_b = r_pb sqrt(p (1-p)) / phi(Phi^-1(p)), which estimates the normal-ogive loading.
 */
export function classicalLoadings(pat: PatternSet): { pRight: Float64Array; loading: Float64Array } {
  const J = pat.nItems;
  const n = new Float64Array(J);
  const sx = new Float64Array(J);
  const sy = new Float64Array(J);
  const syy = new Float64Array(J);
  const sxy = new Float64Array(J);
  const { start, split, items, weight } = pat;
  for (let p = 0; p < pat.nPatterns; p++) {
    const s = start[p]!;
    const mid = split[p]!;
    const e = start[p + 1]!;
    const answered = e - s;
    if (answered < 2) continue;
    const right = mid - s;
    const w = weight[p]!;
    for (let k = s; k < e; k++) {
      const j = items[k]!;
      const x = k < mid ? 1 : 0;
      const y = (right - x) / (answered - 1);
      n[j]! += w;
      sx[j]! += w * x;
      sy[j]! += w * y;
      syy[j]! += w * y * y;
      sxy[j]! += w * x * y;
    }
  }
  const pRight = new Float64Array(J);
  const loading = new Float64Array(J);
  for (let j = 0; j < J; j++) {
    if (n[j] === 0) continue;
    const p = sx[j]! / n[j]!;
    const my = sy[j]! / n[j]!;
    const vy = syy[j]! / n[j]! - my * my;
    const vx = p * (1 - p);
    pRight[j] = p;
    if (vx <= 0 || vy <= 1e-12) continue;
    const rpb = (sxy[j]! / n[j]! - p * my) / Math.sqrt(vx * vy);
    const z = probit(Math.min(0.999, Math.max(0.001, p)));
    loading[j] = (rpb * Math.sqrt(vx)) / (Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI));
  }
  return { pRight, loading };
}

/**
 * EM start values from proportions right p_j and loadings l_j (clamped to [0.1, 0.9]), by the
 * normal-ogive factor model with logistic scaling 1.7:
 *   a_j = 1.7 l_j / sqrt(1 - l_j^2),  d_j = Phi^-1(p_j) sqrt(1.7^2 + a_j^2)
 * (the second keeps the marginal proportion right, since P = Phi((a z + d)/1.7) gives p = Phi(d / sqrt(1.7^2 + a^2))).
 * Rasch uses the mean slope as its shared s; 3PL removes guessing first, p' = (p - c0) / (1 - c0),
 * with c0 the prior mean.
 */
export function startValues(model: IrtModel, pRight: ArrayLike<number>, loading: ArrayLike<number>, priors: GuessingPriors): Float64Array {
  const J = pRight.length;
  const out = new Float64Array(paramCount(model, J));
  const c0At = (j: number) => priorAt(priors, j).alpha / (priorAt(priors, j).alpha + priorAt(priors, j).beta);
  const slope = (j: number) => {
    const l = Math.min(0.9, Math.max(0.1, loading[j] ?? 0.5));
    return (1.7 * l) / Math.sqrt(1 - l * l);
  };
  const clampP = (p: number) => Math.min(0.99, Math.max(0.01, p));
  let meanSlope = 0;
  for (let j = 0; j < J; j++) meanSlope += slope(j) / J;
  for (let j = 0; j < J; j++) {
    const p = clampP(pRight[j]!);
    if (model === 'rasch') {
      out[j] = probit(p) * Math.sqrt(2.89 + meanSlope * meanSlope);
    } else if (model === '2pl') {
      const a = slope(j);
      out[2 * j] = a;
      out[2 * j + 1] = probit(p) * Math.sqrt(2.89 + a * a);
    } else {
      const a = slope(j);
      out[3 * j] = a;
      const c0 = c0At(j);
      out[3 * j + 1] = probit(clampP((p - c0) / (1 - c0))) * Math.sqrt(2.89 + a * a);
      out[3 * j + 2] = Math.log(c0 / (1 - c0));
    }
  }
  if (model === 'rasch') out[J] = meanSlope;
  return out;
}

/**
 * Inverse standard normal CDF by Abramowitz & Stegun 26.2.23 (absolute error below 4.5e-4):
 * for p < 0.5, t = sqrt(-2 ln p), Phi^-1(p) = -(t - (c0 + c1 t + c2 t^2) / (1 + d1 t + d2 t^2 + d3 t^3)).
 * Precise enough for start values.
 */
export function probit(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`probit: p must be strictly between 0 and 1, got ${p}`);
  const q = p < 0.5 ? p : 1 - p;
  const t = Math.sqrt(-2 * Math.log(q));
  const x = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  return p < 0.5 ? -x : x;
}
