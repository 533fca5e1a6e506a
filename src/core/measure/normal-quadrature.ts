/**
 * A fixed quadrature for a standard normal latent variable: `points` equally spaced nodes z_q on
 * [-range, range] with weights w_q = phi(z_q) / sum_k phi(z_k) (R mirt's default: 61 nodes on [-6, 6]).
 */
export interface Quadrature {
  nodes: Float64Array;
  weights: Float64Array;
}

export function normalQuadrature(points = 61, range = 6): Quadrature {
  // Up to 255 points: posterior windows store node indices in bytes.
  if (!Number.isInteger(points) || points < 3 || points > 255) throw new Error(`quadrature: need an integer number of points in 3..255, got ${points}`);
  if (!(range > 0)) throw new Error(`quadrature: range must be > 0, got ${range}`);
  const nodes = new Float64Array(points);
  const weights = new Float64Array(points);
  let sum = 0;
  for (let q = 0; q < points; q++) {
    const z = -range + (2 * range * q) / (points - 1);
    nodes[q] = z;
    weights[q] = Math.exp(-0.5 * z * z);
    sum += weights[q]!;
  }
  for (let q = 0; q < points; q++) weights[q]! /= sum;
  return { nodes, weights };
}
