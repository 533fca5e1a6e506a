import { itemInformation, type ItemParameters } from './ability.ts';

export interface AdaptiveCandidate {
  id: string;
  domain: string;
  params: ItemParameters;
}

/**
 * Picks the next item of an adaptive check: first the domain furthest below its share of the
 * items given so far (target share w_d / Σw, so 20 items follow the blueprint's 28/26/22/24),
 * then, within it, the unused item of maximum Fisher information at the current ability:
 *   I_j(θ) = a² (P − c)² (1 − P) / ((1 − c)² P).
 * Ties go to the first candidate, so the caller's order (shuffled with a seed) breaks them.
 * Returns undefined when no candidate is left.
 */
export function nextAdaptiveItem(
  candidates: readonly AdaptiveCandidate[],
  used: ReadonlySet<string>,
  theta: number,
  weights: readonly { id: string; weight: number }[],
  givenPerDomain: ReadonlyMap<string, number>,
): AdaptiveCandidate | undefined {
  const open = candidates.filter((c) => !used.has(c.id));
  if (open.length === 0) return undefined;
  const total = weights.reduce((s, w) => s + w.weight, 0);
  const given = [...givenPerDomain.values()].reduce((s, n) => s + n, 0);
  const available = new Set(open.map((c) => c.domain));
  const deficit = (w: { id: string; weight: number }) => ((given + 1) * w.weight) / total - (givenPerDomain.get(w.id) ?? 0);
  const domain = weights.filter((w) => available.has(w.id)).sort((a, b) => deficit(b) - deficit(a))[0]?.id;
  let best: AdaptiveCandidate | undefined;
  let bestInfo = -1;
  for (const c of open) {
    if (domain !== undefined && c.domain !== domain) continue;
    const info = itemInformation(c.params, theta);
    if (info > bestInfo) {
      best = c;
      bestInfo = info;
    }
  }
  return best ?? open[0];
}
