import { normalQuadrature } from './normal-quadrature.ts';

/** One calibrated (or provisional) item: P(x=1|theta) = c + (1-c) / (1 + exp(-(a theta + d))). */
export interface ItemParameters {
  a: number;
  d: number;
  c?: number;
}

export interface AbilityEstimate {
  theta: number;
  /** Standard error: posterior SD (EAP) or 1/sqrt(information + prior precision) at the mode (MAP). */
  se: number;
}

export interface AbilityOptions {
  /** Normal prior on theta; for a Rasch calibration use sd = its thetaSd. Default N(0, 1). */
  priorMean?: number;
  priorSd?: number;
  /** EAP quadrature: points on priorMean +- range * priorSd (default 161 on +-8 SD: 0.1 SD apart, fine enough for steep items). */
  quadPoints?: number;
  quadRange?: number;
}

/** P(x=1|theta) for one item. */
export function probability(item: ItemParameters, theta: number): number {
  const c = item.c ?? 0;
  const eta = item.a * theta + item.d;
  const s = eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
  return c + (1 - c) * s;
}

/**
 * Item information (Birnbaum): I(theta) = a^2 * ((P - c) / (1 - c))^2 * (1 - P) / P,
 * which for c = 0 reduces to a^2 P (1 - P).
 */
export function itemInformation(item: ItemParameters, theta: number): number {
  const c = item.c ?? 0;
  const p = probability(item, theta);
  if (p <= 0 || p >= 1) return 0;
  const k = (p - c) / (1 - c);
  return item.a * item.a * k * k * ((1 - p) / p);
}

/** Test information: the sum of the item informations. */
export function testInformation(items: readonly ItemParameters[], theta: number): number {
  let s = 0;
  for (const it of items) s += itemInformation(it, theta);
  return s;
}

function checkInputs(items: readonly ItemParameters[], scores: ArrayLike<number>, who: string): void {
  if (items.length !== scores.length) throw new Error(`${who}: ${items.length} items but ${scores.length} scores`);
  for (let j = 0; j < scores.length; j++) {
    if (scores[j] !== 0 && scores[j] !== 1) throw new Error(`${who}: score ${j + 1} must be 0 or 1, got ${scores[j]}`);
    const it = items[j]!;
    const c = it.c ?? 0;
    if (!Number.isFinite(it.a) || !Number.isFinite(it.d) || !(c >= 0 && c < 1)) throw new Error(`${who}: item ${j + 1} has invalid parameters a=${it.a}, d=${it.d}, c=${c}`);
  }
}

function logLikelihood(items: readonly ItemParameters[], scores: ArrayLike<number>, theta: number): number {
  let ll = 0;
  for (let j = 0; j < items.length; j++) {
    const p = Math.min(1 - 1e-300, Math.max(1e-300, probability(items[j]!, theta)));
    ll += scores[j] ? Math.log(p) : Math.log1p(-p);
  }
  return ll;
}

/**
 * Expected a posteriori ability: with quadrature nodes t_q and prior weights w_q,
 *   EAP = sum_q t_q w_q L(t_q) / sum_q w_q L(t_q),   SE^2 = sum_q (t_q - EAP)^2 w_q L(t_q) / sum_q w_q L(t_q),
 * L(t) = prod_j P_j(t)^x_j (1 - P_j(t))^(1 - x_j). With no responses it returns the prior mean and SD.
 */
export function eapAbility(items: readonly ItemParameters[], scores: ArrayLike<number>, options: AbilityOptions = {}): AbilityEstimate {
  checkInputs(items, scores, 'EAP');
  const mean = options.priorMean ?? 0;
  const sd = options.priorSd ?? 1;
  if (!(sd > 0)) throw new Error(`EAP: prior SD must be > 0, got ${sd}`);
  const quad = normalQuadrature(options.quadPoints ?? 161, options.quadRange ?? 8);
  const Q = quad.nodes.length;
  const logPost = new Float64Array(Q);
  let max = -Infinity;
  for (let q = 0; q < Q; q++) {
    const t = mean + sd * quad.nodes[q]!;
    logPost[q] = Math.log(quad.weights[q]!) + logLikelihood(items, scores, t);
    if (logPost[q]! > max) max = logPost[q]!;
  }
  let s0 = 0, s1 = 0;
  for (let q = 0; q < Q; q++) {
    const w = Math.exp(logPost[q]! - max);
    logPost[q] = w;
    s0 += w;
    s1 += w * (mean + sd * quad.nodes[q]!);
  }
  const theta = s1 / s0;
  let s2 = 0;
  for (let q = 0; q < Q; q++) s2 += logPost[q]! * (mean + sd * quad.nodes[q]! - theta) ** 2;
  return { theta, se: Math.sqrt(s2 / s0) };
}

/**
 * Maximum a posteriori ability: maximises l(t) = log L(t) - (t - mean)^2 / (2 sd^2) by Fisher scoring,
 *   t <- t + l'(t) / (I(t) + 1/sd^2),  l'(t) = sum_j a_j (x_j - P_j) (P_j - c_j) / (P_j (1 - c_j)) - (t - mean)/sd^2,
 * steps capped at 1 and halved when l decreases. SE = 1 / sqrt(I(t) + 1/sd^2) at the mode. The prior
 * keeps the estimate finite for all-right and all-wrong patterns.
 */
export function mapAbility(items: readonly ItemParameters[], scores: ArrayLike<number>, options: AbilityOptions = {}): AbilityEstimate {
  checkInputs(items, scores, 'MAP');
  const mean = options.priorMean ?? 0;
  const sd = options.priorSd ?? 1;
  if (!(sd > 0)) throw new Error(`MAP: prior SD must be > 0, got ${sd}`);
  const precision = 1 / (sd * sd);
  const objective = (t: number) => logLikelihood(items, scores, t) - 0.5 * precision * (t - mean) ** 2;
  let t = mean;
  let f = objective(t);
  for (let it = 0; it < 200; it++) {
    let g = -precision * (t - mean);
    for (let j = 0; j < items.length; j++) {
      const item = items[j]!;
      const c = item.c ?? 0;
      const p = probability(item, t);
      if (p <= 0 || p >= 1) continue;
      g += (item.a * (scores[j]! - p) * (p - c)) / (p * (1 - c));
    }
    const info = testInformation(items, t) + precision;
    let step = Math.max(-1, Math.min(1, g / info));
    let moved = false;
    for (let h = 0; h < 40; h++, step /= 2) {
      const f1 = objective(t + step);
      if (f1 >= f) {
        t += step;
        f = f1;
        moved = true;
        break;
      }
    }
    if (!moved || Math.abs(step) < 1e-10) break;
  }
  return { theta: t, se: 1 / Math.sqrt(testInformation(items, t) + precision) };
}
