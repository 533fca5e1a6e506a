import { describe, expect, it } from 'vitest';
import { buildPatterns } from './pattern-set.ts';
import { mulberry32, simulateResponses } from './simulate-responses.ts';
import { classicalLoadings, probit, startValues } from './start-values.ts';

describe('start values', () => {
  it('probit inverts the normal CDF to within 4.5e-4', () => {
    expect(probit(0.5)).toBeCloseTo(0, 3);
    expect(Math.abs(probit(0.975) - 1.959964)).toBeLessThan(4.5e-4);
    expect(Math.abs(probit(0.01) - -2.326348)).toBeLessThan(4.5e-4);
    expect(() => probit(0)).toThrow(/strictly between 0 and 1/);
  });

  it('orders classical loadings like the true slopes and keeps the marginal p in the intercept', () => {
    const truth = [0.4, 0.8, 1.2, 1.8, 2.5].map((a) => ({ a, d: 0 }));
    const { patterns } = buildPatterns(simulateResponses(truth, 4000, mulberry32(2)).data);
    const { pRight, loading } = classicalLoadings(patterns);
    for (let j = 1; j < 5; j++) expect(loading[j]!).toBeGreaterThan(loading[j - 1]!);
    const x = startValues('2pl', pRight, loading, { alpha: 5, beta: 17 });
    for (let j = 1; j < 5; j++) expect(x[2 * j]!).toBeGreaterThan(x[2 * (j - 1)]!);
    // d = Phi^-1(p) sqrt(1.7^2 + a^2): p = 0.5 gives d = 0 whatever a is
    const y = startValues('2pl', [0.5], [0.6], { alpha: 5, beta: 17 });
    expect(y[0]).toBeCloseTo(1.7 * 0.6 / 0.8, 12);
    expect(y[1]).toBeCloseTo(0, 3);
    const r = startValues('rasch', [0.5, 0.5], [0.6, 0.6], { alpha: 5, beta: 17 });
    expect(r[2]).toBeCloseTo(1.275, 12);
  });
});
