import { describe, expect, it } from 'vitest';
import { irtScore, referenceCut, scoringParameters } from './irt-score.ts';

const ratings = new Map([
  ['i1', 0.8],
  ['i2', 0.6],
  ['i3', 0.5],
  ['i4', 0.3],
]);

describe('IRT scoring', () => {
  it('uses provisional parameters from Angoff ratings where nothing is calibrated, and then cuts at theta 0', () => {
    const params = scoringParameters(new Map(), ratings);
    expect(params.get('i1')).toMatchObject({ a: 1, provisional: true });
    expect(params.get('i1')!.d).toBeCloseTo(Math.log(0.8 / 0.2), 12);
    expect(referenceCut(params, ratings)).toBeCloseTo(0, 8);
  });

  it('prefers calibrated parameters and moves the cut with them', () => {
    // Harder calibrated items (lower d) need a higher ability to reach the same expected raw cut.
    const calibrated = new Map([...ratings.keys()].map((id) => [id, { a: 1.2, d: Math.log(ratings.get(id)! / (1 - ratings.get(id)!)) - 0.5 }]));
    const params = scoringParameters(calibrated, ratings);
    expect([...params.values()].every((p) => !p.provisional)).toBe(true);
    expect(referenceCut(params, ratings)).toBeGreaterThan(0.3);
  });

  it('scores ability, scaled score with its SE, P(pass) and per-domain classification', () => {
    const params = scoringParameters(new Map(), ratings);
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
