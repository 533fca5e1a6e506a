import { seededRandom } from '../util/seeded-random.ts';
import type { ResponseMatrix } from './response-matrix.ts';

/** A seeded uniform generator on [0, 1): the caller owns the seed, so simulations are reproducible. */
export type Random = () => number;

/** mulberry32 (the core's seeded generator), as a plain function for the simulation loops. */
export function mulberry32(seed: number): Random {
  const rng = seededRandom(seed);
  return () => rng.next();
}

/** Standard normal deviate by Box–Muller (one of the pair is used; simplicity over speed). */
export function normal(rng: Random): number {
  let u = rng();
  while (u <= 0) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

export interface SimulatedItem {
  a: number;
  d: number;
  c?: number;
}

export interface Simulation {
  data: ResponseMatrix;
  thetas: Float64Array;
}

/**
 * Draws theta_i ~ N(0, thetaSd^2) and x_ij ~ Bernoulli(c + (1-c) / (1 + exp(-(a theta + d)))).
 * With `answeredPerPerson` set, each person answers only that many items drawn at random
 * (partial Fisher–Yates), the others are not presented: the sparse design of an item bank.
 */
export function simulateResponses(
  items: readonly SimulatedItem[],
  persons: number,
  rng: Random,
  options: { answeredPerPerson?: number; thetaSd?: number } = {},
): Simulation {
  const J = items.length;
  const k = options.answeredPerPerson ?? J;
  if (k > J || k < 1) throw new Error(`simulate: answeredPerPerson must be in 1..${J}, got ${k}`);
  const sd = options.thetaSd ?? 1;
  // Built directly in the sparse row form, so 100,000 x 1,000 with 65 answered each stays small.
  const rowStart = new Int32Array(persons + 1);
  const cellItems = new Int32Array(persons * k);
  const scores = new Uint8Array(persons * k);
  const thetas = new Float64Array(persons);
  const order = Int32Array.from({ length: J }, (_, j) => j);
  for (let i = 0; i < persons; i++) {
    const theta = sd * normal(rng);
    thetas[i] = theta;
    const at = i * k;
    rowStart[i] = at;
    if (k < J) {
      for (let t = 0; t < k; t++) {
        const pick = t + Math.floor(rng() * (J - t));
        const j = order[pick]!;
        order[pick] = order[t]!;
        order[t] = j;
      }
      cellItems.set(order.subarray(0, k), at);
      cellItems.subarray(at, at + k).sort();
    } else cellItems.set(order, at);
    for (let t = 0; t < k; t++) {
      const it = items[cellItems[at + t]!]!;
      const c = it.c ?? 0;
      const p = c + (1 - c) / (1 + Math.exp(-(it.a * theta + it.d)));
      scores[at + t] = rng() < p ? 1 : 0;
    }
  }
  rowStart[persons] = persons * k;
  const ids = items.map((_, j) => `i${j + 1}`);
  return { data: { itemIds: ids, rowStart, items: cellItems, scores, weights: new Float64Array(persons).fill(1) }, thetas };
}
