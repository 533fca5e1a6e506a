import { describe, expect, it } from 'vitest';
import { probability } from '../measure/ability.ts';
import { irtScore, scoringContext } from './irt-score.ts';

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
    const high = irtScore(all, 0);
    expect(high.theta).toBeGreaterThan(0.5);
    expect(high.scaled).toBe(Math.round(720 + 140 * high.theta));
    expect(high.scaledSe).toBe(Math.round(140 * high.se));
    expect(high.passProbability).toBeGreaterThan(0.5);
    expect(high.provisional).toBe(true);
    expect([...high.domains.values()].every((d) => d.meets)).toBe(true);
    const low = irtScore(all.map((r, k) => ({ ...r, correct: k >= 2 ? false : r.correct })), 0);
    expect(low.domains.get('1')!.meets).toBe(true);
    expect(low.domains.get('2')!.meets).toBe(false);
    expect(low.passProbability).toBeLessThan(high.passProbability);
  });
});
