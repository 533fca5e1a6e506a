import { describe, expect, it } from 'vitest';
import { exposureRates, ineligibleItems, nextAdaptiveItem, updateEligibility, type AdaptiveCandidate } from './adaptive-next.ts';

const weights = [
  { id: '1', weight: 28 },
  { id: '2', weight: 26 },
  { id: '3', weight: 22 },
  { id: '4', weight: 24 },
];
// Items of difficulty b = -2..2 in each domain (d = -a b with a = 1).
const pool: AdaptiveCandidate[] = ['1', '2', '3', '4'].flatMap((domain) => [-2, -1, 0, 1, 2].map((b) => ({ id: `${domain}:${b}`, domain, params: { a: 1, d: -b } })));

describe('nextAdaptiveItem', () => {
  it('takes the most informative item: the one whose difficulty is nearest the ability', () => {
    expect(nextAdaptiveItem(pool, new Set(), 0, weights, new Map())!.id).toBe('1:0');
    expect(nextAdaptiveItem(pool, new Set(), 1.2, weights, new Map())!.id).toBe('1:1');
  });
  it('follows the domain weights over twenty items', () => {
    const used = new Set<string>();
    const given = new Map<string, number>();
    const big = ['1', '2', '3', '4'].flatMap((domain) => Array.from({ length: 10 }, (_, k) => ({ id: `${domain}-${k}`, domain, params: { a: 1 + k / 10, d: 0 } })));
    for (let i = 0; i < 20; i++) {
      const next = nextAdaptiveItem(big, used, 0, weights, given)!;
      used.add(next.id);
      given.set(next.domain, (given.get(next.domain) ?? 0) + 1);
    }
    expect(['1', '2', '3', '4'].map((d) => given.get(d))).toEqual([6, 5, 4, 5]);
  });
  it('moves to another domain when one runs out, and ends when none is left', () => {
    const small = pool.filter((c) => c.domain === '3');
    expect(nextAdaptiveItem(small, new Set(), 0, weights, new Map())!.domain).toBe('3');
    expect(nextAdaptiveItem(small, new Set(small.map((c) => c.id)), 0, weights, new Map())).toBeUndefined();
  });
  it('with exposure control, draws among the most informative few, so a steep item is not given to everyone', () => {
    const steep: AdaptiveCandidate = { id: 'steep', domain: '1', params: { a: 20, d: 0 } };
    const many = [steep, ...Array.from({ length: 12 }, (_, k) => ({ id: `1-${k}`, domain: '1', params: { a: 1 + k / 20, d: 0 } }))];
    expect(nextAdaptiveItem(many, new Set(), 0, weights, new Map())!.id).toBe('steep');
    let seed = 1;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const picks = Array.from({ length: 400 }, () => nextAdaptiveItem(many, new Set(), 0, weights, new Map(), { topK: 5, random })!.id);
    const steepShare = picks.filter((id) => id === 'steep').length / picks.length;
    expect(steepShare).toBeGreaterThan(0.12);
    expect(steepShare).toBeLessThan(0.28);
    // Only the five most informative are ever drawn.
    expect(new Set(picks)).toEqual(new Set(['steep', '1-11', '1-10', '1-9', '1-8']));
  });
  it('with eligibility, an over-exposed item takes part less often, and regains its place once below the cap', () => {
    const rates = exposureRates([['a', 'b'], ['a'], ['a', 'c'], ['a']]);
    expect(rates).toEqual(new Map([['a', 1], ['b', 0.25], ['c', 0.25]]));
    const k1 = updateEligibility(new Map(), rates, 0.25);
    expect(k1).toEqual(new Map([['a', 0.25]]));
    // Still given in half the checks while eligible in a quarter: tightened again, never below 0.02.
    const k2 = updateEligibility(k1, new Map([['a', 0.5]]), 0.25);
    expect(k2.get('a')).toBeCloseTo(0.125, 12);
    expect(updateEligibility(new Map([['a', 0.03]]), new Map([['a', 0.9]]), 0.25).get('a')).toBe(0.02);
    // Below the cap, the eligibility grows back (to 1, where the item is no longer listed).
    expect(updateEligibility(k2, new Map([['a', 0.1]]), 0.25).get('a')).toBeCloseTo(0.3125, 12);
    expect(updateEligibility(new Map([['a', 0.9]]), new Map([['a', 0.1]]), 0.25).has('a')).toBe(false);
    // One check's draw decides once: below K the item takes part.
    expect(ineligibleItems(new Map([['a', 0.25], ['b', 0.5]]), (id) => (id === 'a' ? 0.3 : 0.3))).toEqual(new Set(['a']));
    const picked = nextAdaptiveItem(pool, new Set(), 0, weights, new Map(), { topK: 1, random: () => 0, ineligible: new Set(['1:0']) })!;
    expect(picked.id).not.toBe('1:0');
    expect(picked.domain).toBe('1');
  });
});
