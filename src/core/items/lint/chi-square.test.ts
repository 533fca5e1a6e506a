import { describe, expect, it } from 'vitest';
import { chiSquareSurvival, chiSquareUniform, logGamma, regularizedGammaQ } from './chi-square.ts';

describe('chiSquareSurvival', () => {
  it('matches tabulated critical values', () => {
    // Critical values from standard chi-square tables.
    expect(chiSquareSurvival(7.814728, 3)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(11.344867, 3)).toBeCloseTo(0.01, 6);
    expect(chiSquareSurvival(3.841459, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(9.487729, 4)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(0.584375, 3)).toBeCloseTo(0.9, 5);
  });

  it('agrees with the closed form for 2 degrees of freedom, exp(-x/2)', () => {
    for (const x of [0.1, 1, 2.5, 10, 40]) expect(chiSquareSurvival(x, 2)).toBeCloseTo(Math.exp(-x / 2), 12);
  });

  it('is 1 at zero and rejects bad degrees of freedom', () => {
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(() => chiSquareSurvival(1, 0)).toThrow(/degrees of freedom/);
    expect(() => regularizedGammaQ(-1, 1)).toThrow(/a > 0/);
  });

  it('logGamma gives ln((n-1)!) at integers and ln(sqrt(pi)) at 1/2', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
});

describe('chiSquareUniform', () => {
  it('computes the statistic against equal expected counts', () => {
    // E = 10 per cell: (20-10)^2/10 + 3 * (0 - 10)^2 / 10 ... here counts 16/8/8/8: 36/10 + 3 * 4/10 = 4.8
    const r = chiSquareUniform([16, 8, 8, 8]);
    expect(r.statistic).toBeCloseTo(4.8, 12);
    expect(r.df).toBe(3);
    expect(r.pValue).toBeCloseTo(0.18704, 4);
  });

  it('gives p = 1 for perfectly uniform counts and rejects empty input', () => {
    expect(chiSquareUniform([5, 5, 5, 5]).pValue).toBe(1);
    expect(() => chiSquareUniform([0, 0, 0, 0])).toThrow(/at least one observation/);
    expect(() => chiSquareUniform([3])).toThrow(/at least 2 cells/);
  });
});
