import { describe, expect, it } from 'vitest';
import { eapAbility, probability } from '../measure/ability.ts';
import { nextSittingPassProbability, normalCdf } from '../measure/scaled-score.ts';
import { ADAPTIVE_SE_FACTOR, irtScore, populationPrior, scoringContext } from './irt-score.ts';

const ratings = new Map([
  ['i1', 0.8],
  ['i2', 0.6],
  ['i3', 0.5],
  ['i4', 0.3],
]);

describe('IRT scoring', () => {
  it('uses provisional parameters from Angoff ratings where nothing is calibrated, and then cuts at theta 0', () => {
    const { params, thetaCut, calibratedReference } = scoringContext(new Map(), ratings, ratings);
    expect(params.get('i1')).toMatchObject({ a: 1, provisional: true });
    expect(params.get('i1')!.d).toBeCloseTo(Math.log(0.8 / 0.2), 12);
    expect(thetaCut).toBe(0);
    expect(calibratedReference).toBe(0);
  });

  it('prefers calibrated parameters and moves the cut with them', () => {
    // Harder calibrated items (lower d) need a higher ability to reach the same expected raw cut.
    const calibrated = new Map([...ratings.keys()].map((id) => [id, { a: 1.2, d: Math.log(ratings.get(id)! / (1 - ratings.get(id)!)) - 0.5 }]));
    const { params, thetaCut } = scoringContext(calibrated, ratings, ratings);
    expect([...params.values()].every((p) => !p.provisional)).toBe(true);
    expect(thetaCut).toBeGreaterThan(0.3);
  });

  it('puts provisional items on the calibrated scale: a minimally qualified candidate (theta_cut) answers them right with probability r', () => {
    const calibrated = new Map([...ratings.keys()].map((id) => [id, { a: 1.2, d: Math.log(ratings.get(id)! / (1 - ratings.get(id)!)) - 0.5 }]));
    const withNew = new Map([...ratings, ['new1', 0.7], ['new2', 0.4]]);
    const { params, thetaCut } = scoringContext(calibrated, withNew, ratings);
    expect(thetaCut).toBeGreaterThan(0.3);
    expect(params.get('new1')!.provisional).toBe(true);
    expect(probability(params.get('new1')!, thetaCut)).toBeCloseTo(0.7, 10);
    expect(probability(params.get('new2')!, thetaCut)).toBeCloseTo(0.4, 10);
  });

  it('keeps the cut of a frozen reference form when the bank grows, and ignores stored parameters that cannot score', () => {
    const calibrated = new Map([...ratings.keys()].map((id) => [id, { a: 1.2, d: Math.log(ratings.get(id)! / (1 - ratings.get(id)!)) - 0.5 }]));
    const frozen = scoringContext(calibrated, ratings, ratings).thetaCut;
    const grown = new Map([...ratings, ['hard-new', 0.2], ['easy-new', 0.95]]);
    const withBad = new Map([...calibrated, ['hard-new', { a: -0.8, d: 1 }]]);
    const later = scoringContext(withBad, grown, ratings);
    expect(later.thetaCut).toBeCloseTo(frozen, 12);
    expect(later.params.get('hard-new')).toMatchObject({ a: 1, provisional: true });
    expect(later.calibratedReference).toBe(4);
  });

  it('scores ability, scaled score with its SE, P(pass) and per-domain classification', () => {
    const { params } = scoringContext(new Map(), ratings, ratings);
    const all = [...ratings.keys()].map((id, k) => ({ domain: k < 2 ? '1' : '2', params: params.get(id)!, correct: true }));
    const high = irtScore(all, { thetaCut: 0, formSe: 0.3 });
    expect(high.theta).toBeGreaterThan(0.5);
    expect(high.scaled).toBe(Math.round(720 + 140 * high.theta));
    expect(high.scaledSe).toBe(Math.round(140 * high.se));
    expect(high.passProbability).toBeGreaterThan(0.5);
    expect(high.provisional).toBe(true);
    expect([...high.domains.values()].every((d) => d.meets)).toBe(true);
    const low = irtScore(all.map((r, k) => ({ ...r, correct: k >= 2 ? false : r.correct })), { thetaCut: 0, formSe: 0.3 });
    expect(low.domains.get('1')!.meets).toBe(true);
    expect(low.domains.get('2')!.meets).toBe(false);
    expect(low.passProbability).toBeLessThan(high.passProbability);
  });

  it('judges a domain from the candidate\'s ability elsewhere, not from the population mean', () => {
    // Four domains of 12 items (a = 1, d = 0); the candidate answers 8 of 12 right in each.
    const item = { a: 1, d: 0, provisional: false };
    const responses = ['1', '2', '3', '4'].flatMap((domain) => Array.from({ length: 12 }, (_, k) => ({ domain, params: item, correct: k < 8 })));
    const thetaCut = 0.55;
    const result = irtScore(responses, { thetaCut, formSe: 0.3 });
    expect(result.theta).toBeGreaterThan(thetaCut);
    // Alone, with an N(0, 1) prior, each domain's 12 items would shrink below the cut.
    const alone = eapAbility(Array(12).fill(item), Array.from({ length: 12 }, (_, k) => (k < 8 ? 1 : 0))).theta;
    expect(alone).toBeLessThan(thetaCut);
    for (const d of result.domains.values()) {
      expect(d.meets).toBe(true);
      expect(Math.abs(d.theta - result.theta)).toBeLessThan(0.1);
    }
  });

  it('forecasts the next sitting: its own error widens the band, and no forecast is 0% or 100%', () => {
    expect(nextSittingPassProbability(0.3, 0.3, 0, 0.4)).toBeCloseTo(normalCdf(0.3 / 0.5), 12);
    expect(nextSittingPassProbability(0.3, 0.3, 0, 0.4)).toBeLessThan(normalCdf(0.3 / 0.3));
    expect(nextSittingPassProbability(9, 0.2, 0, 0.3)).toBe(0.99);
    expect(nextSittingPassProbability(-9, 0.2, 0, 0.3)).toBe(0.01);
    const item = { a: 1.2, d: 0, provisional: false };
    const allRight = irtScore(Array.from({ length: 50 }, () => ({ domain: '1', params: item, correct: true })), { thetaCut: 0, formSe: 0.3 });
    expect(allRight.passProbability).toBe(0.99);
    expect(allRight.latentPassProbability).toBeGreaterThan(0.999);
  });

  it('measures a sitting\'s error at the cut from the reference form', () => {
    const { formSe, thetaCut } = scoringContext(new Map(), ratings, ratings, 50);
    const info = [...ratings.values()].reduce((s, r) => s + r * (1 - r), 0) / ratings.size;
    expect(thetaCut).toBe(0);
    expect(formSe).toBeCloseTo(1 / Math.sqrt(50 * info), 12);
  });
  it('places the population before any calibration from how the candidates so far did, not on the cut', () => {
    // Candidates who answer items right less often than their ratings say stand below the cut.
    const low = populationPrior([
      { rating: 0.6, responses: 300, correct: 150 },
      { rating: 0.7, responses: 300, correct: 180 },
    ]);
    expect(low.mean).toBeLessThan(-0.2);
    const expected = [0.6, 0.7].reduce((s, r) => {
      let e = 0;
      let w = 0;
      for (let z = -6; z <= 6; z += 0.01) {
        const d = Math.exp(-0.5 * z * z);
        e += d / (1 + Math.exp(-(low.mean + z + Math.log(r / (1 - r)))));
        w += d;
      }
      return s + (300 * e) / w;
    }, 0);
    expect(expected).toBeCloseTo(330, 0);
    expect(populationPrior([{ rating: 0.6, responses: 50, correct: 10 }])).toEqual({ mean: 0, sd: 1 });
    const ctx = scoringContext(new Map(), ratings, ratings, 50, [...ratings.values()].map((rating) => ({ rating, responses: 100, correct: 20 })));
    expect(ctx.prior.mean).toBeLessThan(-1);
    // Once calibrated, the prior is the calibration's N(0, 1).
    const calibrated = new Map([...ratings.keys()].map((id) => [id, { a: 1.2, d: 0 }]));
    expect(scoringContext(calibrated, ratings, ratings, 50, [{ rating: 0.6, responses: 1000, correct: 100 }]).prior).toEqual({ mean: 0, sd: 1 });
  });

  it('widens the adaptive check\'s SE by its factor, in the band and the forecast', () => {
    const item = { a: 1.2, d: 0, provisional: false };
    const responses = Array.from({ length: 20 }, (_, k) => ({ domain: '1', params: item, correct: k % 3 !== 0 }));
    const plain = irtScore(responses, { thetaCut: 0, formSe: 0.3 });
    const wide = irtScore(responses, { thetaCut: 0, formSe: 0.3 }, { seFactor: ADAPTIVE_SE_FACTOR });
    expect(wide.theta).toBe(plain.theta);
    expect(wide.se).toBeCloseTo(plain.se * ADAPTIVE_SE_FACTOR, 12);
    expect(wide.passProbability).toBeLessThan(plain.passProbability);
  });
});
