import type { EStepCounts } from './e-step.ts';
import { INTERCEPT_BOUND, SLOPE_BOUND, priorAt, sigmoid, logSigmoid, type GuessingPrior, type GuessingPriors, type IrtModel } from './item-models.ts';

const MAX_NEWTON = 40;
const NEWTON_TOL = 1e-10;
export const newtonStats = { calls: 0, iters: 0 };

/**
 * M-step: with expected counts R_jq (right) and W_jq (wrong) at nodes z_q, maximise for each item
 *   f_j = sum_q R_jq log P_j(z_q) + W_jq log(1 - P_j(z_q))  (+ log Beta prior of c_j for 3PL)
 * starting from the current parameters. Returns the new parameter vector (same layout as item-models.ts).
 */
export function mStep(model: IrtModel, params: Float64Array, nItems: number, counts: EStepCounts, nodes: Float64Array, priors: GuessingPriors): Float64Array {
  const out = Float64Array.from(params);
  if (model === 'rasch') fitRasch(out, nItems, counts, nodes);
  else if (model === '2pl') for (let j = 0; j < nItems; j++) fit2pl(out, j, counts, nodes);
  else for (let j = 0; j < nItems; j++) fit3pl(out, j, counts, nodes, priorAt(priors, j));
  return out;
}

function itemObjective(R: Float64Array, W: Float64Array, off: number, nodes: Float64Array, a: number, d: number): number {
  let f = 0;
  for (let q = 0; q < nodes.length; q++) {
    const eta = a * nodes[q]! + d;
    f += R[off + q]! * logSigmoid(eta) + W[off + q]! * logSigmoid(-eta);
  }
  return f;
}

const clampTo = (v: number, b: number) => Math.min(b, Math.max(-b, v));

/**
 * 2PL item: Newton–Raphson on (a, d). With P = sigmoid(a z + d) and N = R + W,
 *   grad = sum_q (R_q - N_q P_q) (z_q, 1),   -Hessian = sum_q N_q P_q (1 - P_q) (z_q, 1)(z_q, 1)^T,
 * which is exactly logistic regression with fractional counts: f is concave, so Newton with step
 * halving converges from anywhere.
 */
function fit2pl(params: Float64Array, j: number, counts: EStepCounts, nodes: Float64Array): void {
  const { right: R, wrong: W } = counts;
  const Q = nodes.length;
  const off = j * Q;
  let a = params[2 * j]!;
  let d = params[2 * j + 1]!;
  let f = itemObjective(R, W, off, nodes, a, d);
  newtonStats.calls++;
  for (let it = 0; it < MAX_NEWTON; it++) {
    newtonStats.iters++;
    let ga = 0, gd = 0, haa = 0, had = 0, hdd = 0;
    for (let q = 0; q < Q; q++) {
      const z = nodes[q]!;
      const p = sigmoid(a * z + d);
      const r = R[off + q]!;
      const n = r + W[off + q]!;
      const res = r - n * p;
      const info = n * p * (1 - p);
      ga += res * z;
      gd += res;
      haa += info * z * z;
      had += info * z;
      hdd += info;
    }
    const det = haa * hdd - had * had;
    if (!(det > 1e-300)) break;
    const da = (hdd * ga - had * gd) / det;
    const dd = (haa * gd - had * ga) / det;
    let step = 1;
    let accepted = false;
    for (let h = 0; h < 30; h++, step /= 2) {
      const a1 = clampTo(a + step * da, SLOPE_BOUND);
      const d1 = clampTo(d + step * dd, INTERCEPT_BOUND);
      const f1 = itemObjective(R, W, off, nodes, a1, d1);
      if (f1 >= f - 1e-12 * Math.abs(f)) {
        a = a1;
        d = d1;
        f = f1;
        accepted = true;
        break;
      }
    }
    if (!accepted || Math.max(Math.abs(step * da), Math.abs(step * dd)) < NEWTON_TOL) break;
  }
  params[2 * j] = a;
  params[2 * j + 1] = d;
}

/**
 * Rasch: intercepts d_j and one shared slope s (the latent SD). Full Newton on the concave joint
 * objective; its Hessian is an arrow (diagonal in d, one dense row/column for s), solved through
 * the Schur complement:  delta_s = (g_s - sum_j B_j g_j / A_j) / (C - sum_j B_j^2 / A_j),
 * delta_j = (g_j - B_j delta_s) / A_j, with A_j = sum_q N P Q, B_j = sum_q N P Q z, C = sum_jq N P Q z^2.
 */
function fitRasch(params: Float64Array, J: number, counts: EStepCounts, nodes: Float64Array): void {
  const { right: R, wrong: W } = counts;
  const Q = nodes.length;
  const g = new Float64Array(J);
  const A = new Float64Array(J);
  const B = new Float64Array(J);
  const total = (p: Float64Array) => {
    let f = 0;
    for (let j = 0; j < J; j++) f += itemObjective(R, W, j * Q, nodes, p[J]!, p[j]!);
    return f;
  };
  let f = total(params);
  const trial = new Float64Array(J + 1);
  for (let it = 0; it < MAX_NEWTON; it++) {
    const s = params[J]!;
    let gs = 0, C = 0;
    for (let j = 0; j < J; j++) {
      const d = params[j]!;
      let gj = 0, aj = 0, bj = 0;
      for (let q = 0; q < Q; q++) {
        const z = nodes[q]!;
        const p = sigmoid(s * z + d);
        const r = R[j * Q + q]!;
        const n = r + W[j * Q + q]!;
        const res = r - n * p;
        const info = n * p * (1 - p);
        gj += res;
        gs += res * z;
        aj += info;
        bj += info * z;
        C += info * z * z;
      }
      g[j] = gj;
      A[j] = aj;
      B[j] = bj;
    }
    let num = gs, den = C;
    for (let j = 0; j < J; j++) {
      if (A[j]! <= 0) continue;
      num -= (B[j]! * g[j]!) / A[j]!;
      den -= (B[j]! * B[j]!) / A[j]!;
    }
    const ds = den > 1e-300 ? num / den : 0;
    let step = 1;
    let accepted = false;
    let maxStep = 0;
    for (let h = 0; h < 30; h++, step /= 2) {
      maxStep = Math.abs(step * ds);
      for (let j = 0; j < J; j++) {
        const dj = A[j]! > 0 ? (g[j]! - B[j]! * ds) / A[j]! : 0;
        maxStep = Math.max(maxStep, Math.abs(step * dj));
        trial[j] = clampTo(params[j]! + step * dj, INTERCEPT_BOUND);
      }
      trial[J] = clampTo(s + step * ds, SLOPE_BOUND);
      const f1 = total(trial);
      if (f1 >= f - 1e-12 * Math.abs(f)) {
        params.set(trial);
        f = f1;
        accepted = true;
        break;
      }
    }
    if (!accepted || maxStep < NEWTON_TOL) break;
  }
}

/**
 * 3PL item, parameters (a, d, gamma) with c = sigmoid(gamma), P = c + (1-c) psi, psi = sigmoid(a z + d).
 * Objective f = sum_q R_q log P_q + W_q log(1-P_q) + (alpha-1) log c + (beta-1) log(1-c). Fisher scoring:
 *   grad = sum_q (R_q - N_q P_q) / (P_q (1-P_q)) * dP_q + prior gradient,
 *   info = sum_q N_q / (P_q (1-P_q)) * dP_q dP_q^T + (alpha+beta-2) c (1-c) on gamma,
 * with dP/da = (1-c) psi (1-psi) z, dP/dd = (1-c) psi (1-psi), dP/dgamma = (1-psi) c (1-c); step halving
 * on f keeps every step an ascent.
 */
function fit3pl(params: Float64Array, j: number, counts: EStepCounts, nodes: Float64Array, prior: GuessingPrior): void {
  const { right: R, wrong: W } = counts;
  const Q = nodes.length;
  const off = j * Q;
  const objective = (a: number, d: number, gm: number) => {
    const c = sigmoid(gm);
    let v = (prior.alpha - 1) * Math.log(c) + (prior.beta - 1) * Math.log1p(-c);
    for (let q = 0; q < Q; q++) {
      const p = c + (1 - c) * sigmoid(a * nodes[q]! + d);
      v += R[off + q]! * Math.log(p) + W[off + q]! * Math.log1p(-p);
    }
    return v;
  };
  let x = [params[3 * j]!, params[3 * j + 1]!, params[3 * j + 2]!];
  let f = objective(x[0]!, x[1]!, x[2]!);
  for (let it = 0; it < MAX_NEWTON; it++) {
    const [a, d, gm] = x as [number, number, number];
    const c = sigmoid(gm);
    const g = [0, 0, (prior.alpha - 1) * (1 - c) - (prior.beta - 1) * c];
    const H = [0, 0, 0, 0, 0, 0, 0, 0, (prior.alpha + prior.beta - 2) * c * (1 - c)];
    for (let q = 0; q < Q; q++) {
      const z = nodes[q]!;
      const psi = sigmoid(a * z + d);
      const p = Math.min(1 - 1e-15, c + (1 - c) * psi);
      const pq = p * (1 - p);
      const r = R[off + q]!;
      const n = r + W[off + q]!;
      const k = (1 - c) * psi * (1 - psi);
      const dp = [k * z, k, (1 - psi) * c * (1 - c)];
      const res = (r - n * p) / pq;
      const wq = n / pq;
      for (let u = 0; u < 3; u++) {
        g[u]! += res * dp[u]!;
        for (let v = 0; v < 3; v++) H[3 * u + v]! += wq * dp[u]! * dp[v]!;
      }
    }
    const delta = solve3(H, g);
    if (!delta) break;
    let step = 1;
    let accepted = false;
    for (let h = 0; h < 30; h++, step /= 2) {
      const y = [clampTo(a + step * delta[0]!, SLOPE_BOUND), clampTo(d + step * delta[1]!, INTERCEPT_BOUND), clampTo(gm + step * delta[2]!, 12)];
      const f1 = objective(y[0]!, y[1]!, y[2]!);
      if (f1 >= f - 1e-12 * Math.abs(f)) {
        x = y;
        f = f1;
        accepted = true;
        break;
      }
    }
    if (!accepted || step * Math.max(...delta.map(Math.abs)) < NEWTON_TOL) break;
  }
  params[3 * j] = x[0]!;
  params[3 * j + 1] = x[1]!;
  params[3 * j + 2] = x[2]!;
}

/** Solves the symmetric positive definite 3x3 system H x = g by Gaussian elimination; null if singular. */
function solve3(H: number[], g: number[]): number[] | null {
  const m = [
    [H[0]!, H[1]!, H[2]!, g[0]!],
    [H[3]!, H[4]!, H[5]!, g[1]!],
    [H[6]!, H[7]!, H[8]!, g[2]!],
  ];
  for (let col = 0; col < 3; col++) {
    let piv = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[piv]![col]!)) piv = r;
    if (!(Math.abs(m[piv]![col]!) > 1e-300)) return null;
    [m[col], m[piv]] = [m[piv]!, m[col]!];
    for (let r = 0; r < 3; r++) {
      if (r === col) continue;
      const k = m[r]![col]! / m[col]![col]!;
      for (let c = col; c < 4; c++) m[r]![c]! -= k * m[col]![c]!;
    }
  }
  return [m[0]![3]! / m[0]![0]!, m[1]![3]! / m[1]![1]!, m[2]![3]! / m[2]![2]!];
}
