import { usableParameters } from '../measure/admit-calibration.ts';
import { eapAbility, testInformation, type ItemParameters } from '../measure/ability.ts';
import { sigmoid } from '../measure/item-models.ts';
import { normalQuadrature } from '../measure/normal-quadrature.ts';
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
  /** The candidates' ability distribution on this scale: N(0, 1) once calibrated; before, estimated from the responses so far (`populationPrior`). */
  prior: { mean: number; sd: number };
}

/** Per item: its Angoff rating and how many of the stored first responses to it were right. */
export interface ItemTally {
  rating: number;
  responses: number;
  correct: number;
}

/** Fewer responses than this in all: the provisional prior stays centred on the cut. */
export const MIN_PRIOR_RESPONSES = 200;

/**
 * Where candidates stand relative to the cut before any calibration. On the provisional scale a
 * candidate at theta answers an item of rating r right with probability sigmoid(theta + logit r);
 * the prior mean mu solves  Σ_j n_j E[sigmoid(theta + logit r_j)] = Σ_j right_j  with theta ~ N(mu, 1)
 * (bisection), so the prior reflects how the candidates so far did rather than centring everyone on
 * the cut, which pulled every estimate toward 50%.
 */
export function populationPrior(tallies: readonly ItemTally[]): { mean: number; sd: number } {
  const total = tallies.reduce((s, t) => s + t.responses, 0);
  if (total < MIN_PRIOR_RESPONSES) return { mean: 0, sd: 1 };
  const right = tallies.reduce((s, t) => s + t.correct, 0);
  const { nodes, weights } = normalQuadrature(41, 4);
  const expected = (mu: number) =>
    tallies.reduce((s, t) => {
      const l = Math.log(t.rating / (1 - t.rating));
      return s + t.responses * nodes.reduce((e, z, k) => e + weights[k]! * sigmoid(mu + z + l), 0);
    }, 0);
  let lo = -4;
  let hi = 4;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (expected(mid) < right) lo = mid;
    else hi = mid;
  }
  return { mean: (lo + hi) / 2, sd: 1 };
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
  tallies: readonly ItemTally[] = [],
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
  // Calibrated parameters describe the N(0, 1) population; provisional ones put the cut at 0, with
  // the population wherever the responses so far place it.
  const prior = refItems.length > 0 ? { mean: 0, sd: 1 } : populationPrior(tallies);
  return { params, thetaCut, calibratedReference: refItems.length, formSe: 1 / Math.sqrt(scoredPerSitting * meanInfo), prior };
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

/**
 * The adaptive quick check's errors run larger than its posterior SD, because its items' parameters
 * are estimates and it seeks out the items that look most informative. bench/readiness measures
 * error / SE of 1.07 (calibration of 5,000 persons) to 1.14 (2,000); the quick check's SE is widened
 * by this factor so its 95% band covers the true ability about 95% of the time.
 */
export const ADAPTIVE_SE_FACTOR = 1.12;

type ScoredResponse = { domain: string; params: ScoringParameters; correct: boolean };

/**
 * Ability (EAP, with the context's population prior, N(0, 1) once calibrated) from the scored responses, then scaled = clamp(round(720 + 140 (θ − θcut)),
 * 100, 1000) and the probability of passing the next sitting. A domain is classified from an estimate
 * conditional on the candidate's ability elsewhere: its own responses with the prior
 * N(θ_others, SE_others² + DOMAIN_SPREAD²), θ_others the EAP of the other domains' responses, so a
 * dozen items of one domain do not shrink it toward the population's mean instead of the candidate's.
 */
export function irtScore(responses: ScoredResponse[], ctx: { thetaCut: number; formSe: number; prior?: { mean: number; sd: number } }, opts: { seFactor?: number } = {}): IrtResult {
  const { thetaCut } = ctx;
  const population = { priorMean: ctx.prior?.mean ?? 0, priorSd: ctx.prior?.sd ?? 1 };
  const posterior = eap(responses, population);
  // The posterior SD treats the item parameters as exact; an adaptive check, which picks the items
  // that look most informative, errs more than that (see ADAPTIVE_SE_FACTOR).
  const est = { theta: posterior.theta, se: posterior.se * (opts.seFactor ?? 1) };
  const domains = new Map<string, { theta: number; meets: boolean }>();
  for (const d of new Set(responses.map((r) => r.domain))) {
    const mine = responses.filter((r) => r.domain === d);
    const others = eap(responses.filter((r) => r.domain !== d), population);
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
