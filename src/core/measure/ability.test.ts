import { describe, expect, it } from 'vitest';
import { eapAbility, itemInformation, mapAbility, probability, testInformation } from './ability.ts';

const item = { a: 1, d: 0 };

describe('ability estimates', () => {
  it('returns the prior for no responses (EAP: mean 0, SD 1 on the quadrature)', () => {
    const eap = eapAbility([], []);
    expect(eap.theta).toBeCloseTo(0, 12);
    expect(eap.se).toBeCloseTo(1, 6);
    const map = mapAbility([], [], { priorMean: 0.5, priorSd: 2 });
    expect(map.theta).toBeCloseTo(0.5, 12);
    expect(map.se).toBeCloseTo(2, 12);
  });

  it('is 0 by symmetry for one right and one wrong answer to the same symmetric item', () => {
    expect(eapAbility([item, item], [1, 0]).theta).toBeCloseTo(0, 12);
    expect(mapAbility([item, item], [1, 0]).theta).toBeCloseTo(0, 12);
  });

  it('MAP for one right answer solves 1 - P(theta) = theta (score equation with a N(0,1) prior)', () => {
    const { theta, se } = mapAbility([item], [1]);
    expect(1 - probability(item, theta)).toBeCloseTo(theta, 9);
    expect(theta).toBeCloseTo(0.4011, 3);
    const p = probability(item, theta);
    expect(se).toBeCloseTo(1 / Math.sqrt(p * (1 - p) + 1), 9);
  });

  it('EAP equals a brute-force posterior mean and SD', () => {
    const items = [{ a: 1.2, d: 0.3 }, { a: 0.8, d: -1 }, { a: 2, d: 0.5, c: 0.2 }];
    const scores = [1, 0, 1];
    let s0 = 0, s1 = 0, s2 = 0;
    for (let k = 0; k <= 20000; k++) {
      const t = -8 + (16 * k) / 20000;
      let w = Math.exp(-0.5 * t * t);
      items.forEach((it, j) => (w *= scores[j] ? probability(it, t) : 1 - probability(it, t)));
      s0 += w;
      s1 += w * t;
      s2 += w * t * t;
    }
    const mean = s1 / s0;
    const eap = eapAbility(items, scores);
    expect(eap.theta).toBeCloseTo(mean, 3);
    expect(eap.se).toBeCloseTo(Math.sqrt(s2 / s0 - mean * mean), 3);
  });

  it('keeps all-right and all-wrong patterns finite and symmetric', () => {
    const items = [item, item, item];
    const up = mapAbility(items, [1, 1, 1]);
    const down = mapAbility(items, [0, 0, 0]);
    expect(up.theta).toBeGreaterThan(0.5);
    expect(down.theta).toBeCloseTo(-up.theta, 9);
    expect(eapAbility(items, [0, 0, 0]).theta).toBeCloseTo(-eapAbility(items, [1, 1, 1]).theta, 9);
  });

  it('rejects mismatched or invalid input with a message naming the problem', () => {
    expect(() => eapAbility([item], [1, 0])).toThrow(/1 items but 2 scores/);
    expect(() => mapAbility([item], [2])).toThrow(/score 1 must be 0 or 1/);
    expect(() => mapAbility([{ a: 1, d: 0, c: 1 }], [1])).toThrow(/item 1 has invalid parameters/);
    expect(() => eapAbility([item], [1], { priorSd: 0 })).toThrow(/prior SD/);
  });
});

describe('information', () => {
  it('is a^2 P Q for 2PL, maximal at b, and sums over items', () => {
    expect(itemInformation({ a: 2, d: 0 }, 0)).toBeCloseTo(1, 12);
    expect(itemInformation({ a: 2, d: -2 }, 1)).toBeCloseTo(1, 12);
    expect(itemInformation({ a: 1, d: 0 }, 1)).toBeLessThan(0.25);
    expect(testInformation([{ a: 2, d: 0 }, { a: 1, d: 0 }], 0)).toBeCloseTo(1.25, 12);
  });

  it('follows Birnbaum for 3PL: (a^2 Q/P) ((P-c)/(1-c))^2', () => {
    const it3 = { a: 1.5, d: 0.2, c: 0.25 };
    const p = probability(it3, 0.3);
    expect(itemInformation(it3, 0.3)).toBeCloseTo(1.5 ** 2 * ((1 - p) / p) * ((p - 0.25) / 0.75) ** 2, 12);
    expect(itemInformation(it3, 0.3)).toBeLessThan(itemInformation({ a: 1.5, d: 0.2 }, 0.3));
  });
});
