import { usableParameters } from '../measure/admit-calibration.ts';
import { eapAbility, type ItemParameters } from '../measure/ability.ts';
import { angoffRawCut, classifyDomain, cutAbility, irtScaledScore, passProbability, provisionalParameters, SCALED_PER_THETA } from '../measure/scaled-score.ts';

/** An item's parameters for scoring: calibrated, or provisional from its Angoff rating. */
export interface ScoringParameters extends ItemParameters {
  provisional: boolean;
}

/**
 * Parameters for every item: the calibrated ones where they exist and can score (a positive slope
 * below its bound, finite values: `usableParameters`), else provisional ones from the Angoff rating
 * (a = 1, d = logit r), else none (an item with neither cannot be scored by IRT).
 */
export function scoringParameters(stored: ReadonlyMap<string, ItemParameters>, ratings: ReadonlyMap<string, number>): Map<string, ScoringParameters> {
  const calibrated = new Map([...stored].filter(([, p]) => usableParameters(p)));
  const out = new Map<string, ScoringParameters>();
  for (const [id, r] of ratings) {
    const cal = calibrated.get(id);
    if (cal) out.set(id, { ...cal, provisional: false });
    else {
      const p = provisionalParameters(r);
      out.set(id, { a: p.a, d: p.d, provisional: true });
    }
  }
  for (const [id, cal] of calibrated) if (!out.has(id)) out.set(id, { ...cal, provisional: false });
  return out;
}

/**
 * The cut ability of the blueprint's reference form, taken as the whole rated bank: theta_cut solves
 * TCC(theta) = Σ_j P_j(theta) = Σ_j r_j (clamped to [1, n-1]). With provisional parameters only,
 * P_j(0) = r_j, so theta_cut = 0.
 */
export function referenceCut(params: ReadonlyMap<string, ScoringParameters>, ratings: ReadonlyMap<string, number>): number {
  const items: ItemParameters[] = [];
  const rs: number[] = [];
  for (const [id, r] of ratings) {
    const p = params.get(id);
    if (p) {
      items.push(p);
      rs.push(r);
    }
  }
  if (items.length < 2) return 0;
  return cutAbility(items, angoffRawCut(rs));
}

export interface IrtResult {
  theta: number;
  se: number;
  scaled: number;
  /** Standard error on the scaled scale: 140 × SE(theta). */
  scaledSe: number;
  passProbability: number;
  provisional: boolean;
  domains: Map<string, { theta: number; meets: boolean }>;
}

/**
 * Ability (EAP, N(0,1) prior) from the scored responses, then scaled = clamp(round(720 + 140 (θ − θcut)),
 * 100, 1000) and P(pass) = Φ((θ − θcut) / SE); each domain is classified by its own EAP against θcut.
 */
export function irtScore(responses: { domain: string; params: ScoringParameters; correct: boolean }[], thetaCut: number): IrtResult {
  const est = eapAbility(
    responses.map((r) => r.params),
    responses.map((r) => (r.correct ? 1 : 0)),
  );
  const domains = new Map<string, { theta: number; meets: boolean }>();
  for (const d of new Set(responses.map((r) => r.domain))) {
    const mine = responses.filter((r) => r.domain === d);
    const t = eapAbility(
      mine.map((r) => r.params),
      mine.map((r) => (r.correct ? 1 : 0)),
    ).theta;
    domains.set(d, { theta: t, meets: classifyDomain(t, thetaCut) === 'meets-competencies' });
  }
  return {
    theta: est.theta,
    se: est.se,
    scaled: irtScaledScore(est.theta, thetaCut),
    scaledSe: Math.round(SCALED_PER_THETA * est.se),
    passProbability: passProbability(est.theta, est.se, thetaCut),
    provisional: responses.some((r) => r.params.provisional),
    domains,
  };
}
