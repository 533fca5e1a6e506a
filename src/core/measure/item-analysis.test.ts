import { describe, expect, it } from 'vitest';
import { itemAnalysis, type ScoredResponse } from './item-analysis.ts';

/** 5 persons x 3 items, scores chosen so the statistics can be worked out by hand. */
const grid: number[][] = [
  [1, 1, 0],
  [1, 1, 1],
  [1, 0, 0],
  [0, 0, 1],
  [1, 1, 0],
];
const responses: ScoredResponse[] = grid.flatMap((row, i) => row.map((score, j) => ({ person: `p${i}`, item: `q${j}`, score, chosen: score ? ['A'] : [j === 2 ? 'C' : 'B'] })));

describe('classical item analysis', () => {
  it('computes p-values, corrected point-biserials and choice rates', () => {
    const res = itemAnalysis(responses, { options: { q0: ['A', 'B', 'C', 'D'] } });
    const [q0, q1, q2] = res.items;
    expect(q0!.p).toBeCloseTo(0.8, 12);
    expect(q1!.p).toBeCloseTo(0.6, 12);
    expect(q2!.p).toBeCloseTo(0.4, 12);
    // q0 against rest scores (q1 + q2) = [1, 2, 0, 1, 1]: x = [1,1,1,0,1]
    const x = [1, 1, 1, 0, 1];
    const y = [1, 2, 0, 1, 1];
    const mx = 0.8, my = 1;
    const cov = x.reduce((s, v, i) => s + (v - mx) * (y[i]! - my), 0) / 5;
    const r = cov / Math.sqrt((x.reduce((s, v) => s + (v - mx) ** 2, 0) / 5) * (y.reduce((s, v) => s + (v - my) ** 2, 0) / 5));
    expect(q0!.pointBiserial).toBeCloseTo(r, 12);
    expect(q0!.choiceRates).toEqual({ A: 0.8, B: 0.2, C: 0, D: 0 });
    expect(q2!.pointBiserial).toBeLessThan(0);
    expect(q2!.flags).toContain('negative-discrimination');
  });

  it('computes KR-20 from complete persons', () => {
    const res = itemAnalysis(responses);
    const totals = grid.map((r) => r.reduce((a, b) => a + b, 0));
    const mean = totals.reduce((a, b) => a + b, 0) / 5;
    const variance = totals.reduce((s, t) => s + (t - mean) ** 2, 0) / 5;
    const pq = [0.8, 0.6, 0.4].reduce((s, p) => s + p * (1 - p), 0);
    expect(res.kr20).toBeCloseTo(1.5 * (1 - pq / variance), 12);
    expect(res.completePersons).toBe(5);
    expect(res.persons).toBe(5);
  });

  it('flags items outside 0.10..0.95 and items without variance', () => {
    const rs: ScoredResponse[] = [];
    for (let i = 0; i < 40; i++) {
      rs.push({ person: `p${i}`, item: 'easy', score: i < 39 ? 1 : 0 });
      rs.push({ person: `p${i}`, item: 'hard', score: i < 2 ? 1 : 0 });
      rs.push({ person: `p${i}`, item: 'const', score: 1 });
      rs.push({ person: `p${i}`, item: 'mid', score: i % 2 });
    }
    const byId = Object.fromEntries(itemAnalysis(rs).items.map((s) => [s.item, s]));
    expect(byId.easy!.flags).toContain('too-easy');
    expect(byId.hard!.flags).toContain('too-hard');
    expect(byId.const!.flags).toEqual(['no-variance', 'too-easy']);
    expect(byId.const!.pointBiserial).toBeNull();
    expect(byId.mid!.flags.filter((f) => f !== 'negative-discrimination')).toEqual([]);
  });

  it('leaves KR-20 null without two complete persons and rejects bad responses', () => {
    expect(itemAnalysis([{ person: 'a', item: 'x', score: 1 }, { person: 'b', item: 'y', score: 0 }]).kr20).toBeNull();
    expect(itemAnalysis([]).items).toEqual([]);
    expect(() => itemAnalysis([{ person: 'a', item: 'x', score: 0.5 }])).toThrow(/response 1 \(a, x\) has score 0.5/);
    expect(() => itemAnalysis([{ person: 'a', item: 'x', score: 1 }, { person: 'a', item: 'x', score: 0 }])).toThrow(/answered item x twice/);
  });
});
