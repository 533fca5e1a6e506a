import { usableParameters } from '../measure/admit-calibration.ts';
import { eapAbility, testInformation, type ItemParameters } from '../measure/ability.ts';
import { angoffRawCut, classifyDomain, cutAbility, irtScaledScore, nextSittingPassProbability, passProbability, provisionalParameters, SCALED_PER_THETA } from '../measure/scaled-score.ts';

/** An item's parameters for scoring: calibrated, or provisional from its Angoff rating. */
export interface ScoringParameters extends ItemParameters {
  provisional: boolean;
}

/** What scores an exam by IRT: every item's parameters and the exam's cut ability, on one scale. */
export interface ScoringContext {
  params: Map<string, ScoringParameters>;
  thetaCut: number;
  /** How many reference-form items the cut rests on with calibrated parameters (0: provisional scale). */
  calibratedReference: number;
  /** The measurement error at the cut of a real sitting: 1 / sqrt(scored items × mean information of the reference form at the cut). */
  formSe: number;
}

/**
 * Parameters for every item and the cut, on one scale. The cut solves TCC(theta) = Angoff raw cut over
 * the reference form's calibrated items (`referenceRatings`, frozen with the calibration); with fewer
 * than two of them it is 0, the provisional scale. An item without usable calibrated parameters gets
 * provisional ones from its Angoff rating r placed at that cut: a = 1, d = logit r − theta_cut, so a
 * minimally qualified candidate (theta_cut) answers it right with probability r, as the rating says.
 * Stored parameters that could not score (a slope at or below 0 or at its bound, non-finite values:
 * `usableParameters`) are ignored.
 */
export function scoringContext(
  stored: ReadonlyMap<string, ItemParameters>,
  ratings: ReadonlyMap<string, number>,
  referenceRatings: ReadonlyMap<string, number>,
  scoredPerSitting = 50,
): ScoringContext {
  let calibrated = new Map([...stored].filter(([, p]) => usableParameters(p)));
  const refItems: ItemParameters[] = [];
  const refRatings: number[] = [];
  for (const [id, r] of referenceRatings) {
    const p = calibrated.get(id);
    if (p) {
      refItems.push(p);
      refRatings.push(r);
    }
  }
  let thetaCut = 0;
  if (refItems.length >= 2) {
    try {
      thetaCut = cutAbility(refItems, angoffRawCut(refRatings));
    } catch {
      // The ratings ask for less than the guessing floor of the calibrated items: no cut on the
      // calibrated scale exists, so the exam is scored on the provisional scale alone.
      calibrated = new Map();
      refItems.length = 0;
    }
  }
  const params = new Map<string, ScoringParameters>();
  for (const [id, r] of ratings) {
    const cal = calibrated.get(id);
    if (cal) params.set(id, { ...cal, provisional: false });
    else {
      const p = provisionalParameters(r);
      params.set(id, { a: p.a, d: p.d - p.a * thetaCut, provisional: true });
    }
  }
  for (const [id, cal] of calibrated) if (!params.has(id)) params.set(id, { ...cal, provisional: false });
  const form = [...referenceRatings.keys()].flatMap((id) => (params.has(id) ? [params.get(id)!] : []));
  const meanInfo = form.length > 0 ? testInformation(form, thetaCut) / form.length : 0.2;
  return { params, thetaCut, calibratedReference: refItems.length, formSe: 1 / Math.sqrt(scoredPerSitting * meanInfo) };
}

export interface IrtResult {
  theta: number;
  se: number;
  scaled: number;
  /** Standard error on the scaled scale: 140 × SE(theta). */
  scaledSe: number;
  /** Probability of passing the next sitting (see `nextSittingPassProbability`), within [1%, 99%]. */
  passProbability: number;
  /** P(theta ≥ theta_cut) given today's responses alone: the latent figure, for experts. */
  latentPassProbability: number;
  provisional: boolean;
  domains: Map<string, { theta: number; meets: boolean }>;
}

/**
 * How far a candidate's ability in one domain may sit from their ability in the others (SD, theta
 * units). One ability drives most of an exam's domains; this leaves room for real strengths and gaps.
 */
export const DOMAIN_SPREAD = 0.5;

type ScoredResponse = { domain: string; params: ScoringParameters; correct: boolean };

/**
 * Ability (EAP, N(0,1) prior) from the scored responses, then scaled = clamp(round(720 + 140 (θ − θcut)),
 * 100, 1000) and the probability of passing the next sitting. A domain is classified from an estimate
 * conditional on the candidate's ability elsewhere: its own responses with the prior
 * N(θ_others, SE_others² + DOMAIN_SPREAD²), θ_others the EAP of the other domains' responses, so a
 * dozen items of one domain do not shrink it toward the population's mean instead of the candidate's.
 */
export function irtScore(responses: ScoredResponse[], ctx: { thetaCut: number; formSe: number }): IrtResult {
  const { thetaCut } = ctx;
  const est = eap(responses);
  const domains = new Map<string, { theta: number; meets: boolean }>();
  for (const d of new Set(responses.map((r) => r.domain))) {
    const mine = responses.filter((r) => r.domain === d);
    const others = eap(responses.filter((r) => r.domain !== d));
    const t = eap(mine, { priorMean: others.theta, priorSd: Math.sqrt(others.se ** 2 + DOMAIN_SPREAD ** 2) }).theta;
    domains.set(d, { theta: t, meets: classifyDomain(t, thetaCut) === 'meets-competencies' });
  }
  return {
    theta: est.theta,
    se: est.se,
    scaled: irtScaledScore(est.theta, thetaCut),
    scaledSe: Math.round(SCALED_PER_THETA * est.se),
    passProbability: nextSittingPassProbability(est.theta, est.se, thetaCut, ctx.formSe),
    latentPassProbability: passProbability(est.theta, est.se, thetaCut),
    provisional: responses.some((r) => r.params.provisional),
    domains,
  };
}

function eap(responses: readonly ScoredResponse[], prior: { priorMean?: number; priorSd?: number } = {}) {
  if (responses.length === 0) return { theta: prior.priorMean ?? 0, se: prior.priorSd ?? 1 };
  return eapAbility(
    responses.map((r) => r.params),
    responses.map((r) => (r.correct ? 1 : 0)),
    prior,
  );
}
