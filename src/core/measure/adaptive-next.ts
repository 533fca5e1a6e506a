import { itemInformation, type ItemParameters } from './ability.ts';

export interface AdaptiveCandidate {
  id: string;
  domain: string;
  params: ItemParameters;
}

/** Randomesque exposure control: draw the next item among the `topK` most informative, with `random` in [0, 1). */
export interface ExposureControl {
  topK: number;
  random: () => number;
}

/**
 * Picks the next item of an adaptive check: first the domain furthest below its share of the
 * items given so far (target share w_d / Σw, so 20 items follow the blueprint's 28/26/22/24),
 * then, within it, an unused item of high Fisher information at the current ability:
 *   I_j(θ) = a² (P − c)² (1 − P) / ((1 − c)² P).
 * Without exposure control the most informative (ties to the first candidate, so the caller's
 * seeded order breaks them); with it, one drawn at random among the `topK` most informative, so no
 * item is given to nearly everyone of a given ability (a steep item would otherwise be).
 * Returns undefined when no candidate is left.
 */
export function nextAdaptiveItem(
  candidates: readonly AdaptiveCandidate[],
  used: ReadonlySet<string>,
  theta: number,
  weights: readonly { id: string; weight: number }[],
  givenPerDomain: ReadonlyMap<string, number>,
  exposure?: ExposureControl,
): AdaptiveCandidate | undefined {
  const open = candidates.filter((c) => !used.has(c.id));
  if (open.length === 0) return undefined;
  const total = weights.reduce((s, w) => s + w.weight, 0);
  const given = [...givenPerDomain.values()].reduce((s, n) => s + n, 0);
  const available = new Set(open.map((c) => c.domain));
  const deficit = (w: { id: string; weight: number }) => ((given + 1) * w.weight) / total - (givenPerDomain.get(w.id) ?? 0);
  const domain = weights.filter((w) => available.has(w.id)).sort((a, b) => deficit(b) - deficit(a))[0]?.id;
  const inDomain = open.filter((c) => domain === undefined || c.domain === domain);
  const ranked = inDomain.map((c, k) => ({ c, k, info: itemInformation(c.params, theta) })).sort((x, y) => y.info - x.info || x.k - y.k);
  if (ranked.length === 0) return open[0];
  if (!exposure) return ranked[0]!.c;
  const k = Math.min(Math.max(1, Math.floor(exposure.topK)), ranked.length);
  return ranked[Math.min(k - 1, Math.floor(exposure.random() * k))]!.c;
}
