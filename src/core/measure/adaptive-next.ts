import { itemInformation, type ItemParameters } from './ability.ts';

export interface AdaptiveCandidate {
  id: string;
  domain: string;
  params: ItemParameters;
}

/**
 * Exposure control. Randomesque: draw the next item among the `topK` most informative, with `random`
 * in [0, 1). Items in `ineligible` (see `ineligibleItems`) are passed over while others remain.
 */
export interface ExposureControl {
  topK: number;
  random: () => number;
  ineligible?: ReadonlySet<string>;
}

/**
 * Sympson–Hetter exposure control, online: each item has an eligibility K (1 to start). Once in a
 * while, from each item's share r of recent checks, K becomes K × maxRate / r (kept within
 * [0.02, 1]), so an over-exposed item takes part in fewer checks and one below the cap regains
 * eligibility; r = K × (share of checks that give it when eligible) then settles at or below maxRate.
 */
export function updateEligibility(previous: ReadonlyMap<string, number>, rates: ReadonlyMap<string, number>, maxRate: number): Map<string, number> {
  const next = new Map<string, number>();
  for (const [id, rate] of rates) {
    const k = previous.get(id) ?? 1;
    const updated = rate > 0 ? Math.min(1, Math.max(0.02, (k * maxRate) / rate)) : 1;
    if (updated < 1) next.set(id, updated);
  }
  return next;
}

/** Each item's share of the given checks (each a list of the items it gave). */
export function exposureRates(checks: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of checks) for (const id of c) counts.set(id, (counts.get(id) ?? 0) + 1);
  return new Map([...counts].map(([id, n]) => [id, n / checks.length]));
}

/** The items left out of one check, decided once at its start: `draw(id)` is uniform in [0, 1), fixed for this check and item. */
export function ineligibleItems(eligibility: ReadonlyMap<string, number>, draw: (id: string) => number): Set<string> {
  const out = new Set<string>();
  for (const [id, k] of eligibility) if (draw(id) >= k) out.add(id);
  return out;
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
  let inDomain = open.filter((c) => domain === undefined || c.domain === domain);
  if (exposure?.ineligible?.size) {
    const allowed = inDomain.filter((c) => !exposure.ineligible!.has(c.id));
    if (allowed.length > 0) inDomain = allowed;
  }
  const ranked = inDomain.map((c, k) => ({ c, k, info: itemInformation(c.params, theta) })).sort((x, y) => y.info - x.info || x.k - y.k);
  if (ranked.length === 0) return open[0];
  if (!exposure) return ranked[0]!.c;
  const k = Math.min(Math.max(1, Math.floor(exposure.topK)), ranked.length);
  return ranked[Math.min(k - 1, Math.floor(exposure.random() * k))]!.c;
}
