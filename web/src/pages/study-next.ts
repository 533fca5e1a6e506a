export interface DomainStanding {
  id: string;
  name: string;
  /** Estimated mastery, 0..1. */
  mastery: number;
  answered: number;
}

/**
 * The domain to study next: the one where the exam has the most points to win,
 *   priority(d) = weight(d) * (1 - mastery(d)),
 * the highest first (ties: the lower domain id). Domains without any answer count at their prior
 * mastery, so an untouched heavy domain is suggested before a lightly weighted weak one; with no
 * answers at all there is nothing to go on and the answer is null.
 */
export function studyNext(domains: DomainStanding[], weights: ReadonlyMap<string, number>): DomainStanding | null {
  if (domains.every((d) => d.answered === 0)) return null;
  let best: { d: DomainStanding; priority: number } | null = null;
  for (const d of domains) {
    const priority = (weights.get(d.id) ?? 0) * (1 - Math.min(1, Math.max(0, d.mastery)));
    if (!best || priority > best.priority + 1e-12 || (Math.abs(priority - best.priority) <= 1e-12 && d.id < best.d.id)) best = { d, priority };
  }
  return best?.d ?? null;
}
