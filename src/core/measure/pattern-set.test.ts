import { describe, expect, it } from 'vitest';
import { eStep, emptyCounts, finishCounts } from './e-step.ts';
import { normalQuadrature } from './normal-quadrature.ts';
import { fillTables, newTables } from './item-models.ts';
import { buildPatterns, freshWindows } from './pattern-set.ts';
import { responseMatrix, responseMatrixFromDense, MISSING } from './response-matrix.ts';
import { mulberry32, simulateResponses } from './simulate-responses.ts';

describe('buildPatterns', () => {
  it('merges identical rows, summing weights, right answers first', () => {
    const m = responseMatrix(['a', 'b', 'c'], [[1, 0, 1], [0, 1, 0], [1, 0, 1], [0, 1, 0], [1, null, 0]], [2, 1, 3, 1, 1]);
    const { patterns: p } = buildPatterns(m);
    expect(p.nPatterns).toBe(3);
    expect([...p.weight]).toEqual([5, 2, 1]);
    expect([...p.items.subarray(p.start[0], p.split[0])]).toEqual([0, 2]);
    expect([...p.items.subarray(p.split[0], p.start[1])]).toEqual([1]);
    expect([...p.items.subarray(p.start[2], p.start[3])]).toEqual([0, 2]);
    expect(p.dense).toBe(false);
    expect(p.totalWeight).toBe(8);
    const dense = buildPatterns(responseMatrix(['a', 'b'], [[1, 0], [0, 1], [1, 0]])).patterns;
    expect(dense.dense).toBe(true);
    expect([...dense.codes]).toEqual([0b01, 0b10]);
  });

  it('sorts unsorted rows from other sources and rejects an item answered twice in a row', () => {
    const unsorted = { itemIds: ['a', 'b'], rowStart: Int32Array.of(0, 2, 4, 6), items: Int32Array.of(1, 0, 0, 1, 0, 1), scores: Uint8Array.of(1, 0, 1, 0, 0, 1), weights: Float64Array.of(1, 1, 1) };
    expect([...buildPatterns(unsorted).patterns.weight]).toEqual([2, 1]);
    const twice = { itemIds: ['a', 'b'], rowStart: Int32Array.of(0, 2, 5), items: Int32Array.of(0, 1, 1, 0, 1), scores: Uint8Array.of(1, 0, 1, 0, 1), weights: Float64Array.of(1, 1) };
    expect(() => buildPatterns(twice)).toThrow(/row 2: item b answered twice/);
    const outside = { itemIds: ['a'], rowStart: Int32Array.of(0, 1), items: Int32Array.of(3), scores: Uint8Array.of(1), weights: Float64Array.of(1) };
    expect(() => buildPatterns(outside)).toThrow(/row 1: item index 3 outside 0..0/);
  });

  it('rejects bad cells and weights with row and item', () => {
    expect(() => responseMatrix(['a'], [[2 as 0]])).toThrow(/row 1, item a: expected 0, 1 or null, got 2/);
    expect(() => responseMatrix(['a'], [[1]], [-1])).toThrow(/row 1: weight must be a finite number >= 0/);
    expect(() => responseMatrixFromDense(['a', 'b'], new Uint8Array(3))).toThrow(/not a multiple of 2 items/);
  });
});

describe('eStep', () => {
  const rng = mulberry32(3);
  const truth = Array.from({ length: 19 }, (_, j) => ({ a: 0.5 + j / 20, d: j / 10 - 1 }));
  const sim = simulateResponses(truth, 400, rng);
  const quad = normalQuadrature(21, 5);
  const params = Float64Array.from(truth.flatMap((t) => [t.a, t.d]));

  function run(dense: boolean, data = sim.data) {
    const { patterns } = buildPatterns(data);
    const t = newTables(patterns.nItems, quad, patterns.dense && dense);
    fillTables('2pl', params, patterns.nItems, quad, t, patterns.dense && dense);
    return { patterns, t };
  }

  it('gives the same counts on the chunked dense path as a direct sum of log P and log Q', () => {
    const { patterns, t } = run(true);
    expect(patterns.dense).toBe(true);
    const fast = emptyCounts(patterns.nItems, 21, true);
    eStep(patterns, t, 0, patterns.nPatterns, fast);
    finishCounts(patterns, 21, fast);
    // The same patterns marked sparse take the per-item path.
    const slow = emptyCounts(patterns.nItems, 21);
    eStep({ ...patterns, dense: false }, t, 0, patterns.nPatterns, slow);
    expect(fast.logLik).toBeCloseTo(slow.logLik, 8);
    for (let k = 0; k < slow.right.length; k++) {
      expect(fast.right[k]).toBeCloseTo(slow.right[k]!, 9);
      expect(fast.wrong[k]).toBeCloseTo(slow.wrong[k]!, 9);
    }
    // Posterior mass sums to the number of persons.
    expect(fast.total.reduce((a, b) => a + b, 0)).toBeCloseTo(400, 9);
  });

  it('adds up over slices exactly as over the whole (what the worker threads rely on)', () => {
    const { patterns, t } = run(true);
    const whole = emptyCounts(patterns.nItems, 21, true);
    eStep(patterns, t, 0, patterns.nPatterns, whole);
    const parts = emptyCounts(patterns.nItems, 21, true);
    const cut = Math.floor(patterns.nPatterns / 3);
    const ll1 = eStep(patterns, t, 0, cut, parts);
    const ll2 = eStep(patterns, t, cut, patterns.nPatterns, parts);
    expect(ll1 + ll2).toBeCloseTo(whole.logLik, 8);
    expect(parts.logLik).toBeCloseTo(whole.logLik, 8);
    for (let k = 0; k < whole.chunkPost.length; k++) expect(parts.chunkPost[k]).toBeCloseTo(whole.chunkPost[k]!, 10);
  });

  it('skips only negligible nodes through posterior windows, also when the posterior has moved', () => {
    const truthLong = Array.from({ length: 80 }, (_, j) => ({ a: 1 + (j % 5) / 4, d: (j % 9) / 4 - 1 }));
    const data = simulateResponses(truthLong, 300, mulberry32(8)).data;
    const q61 = normalQuadrature();
    const { patterns } = buildPatterns(data);
    const J = patterns.nItems;
    const at = (shift: number) => {
      const t = newTables(J, q61, true);
      fillTables('2pl', Float64Array.from(truthLong.flatMap((x) => [x.a, x.d + shift])), J, q61, t, true);
      return t;
    };
    const count = (t: ReturnType<typeof at>, fresh: boolean) => {
      if (fresh) patterns.window.set(freshWindows(patterns.nPatterns));
      const c = emptyCounts(J, 61, true);
      eStep(patterns, t, 0, patterns.nPatterns, c);
      finishCounts(patterns, 61, c);
      return c;
    };
    count(at(0), true);
    const widths = Array.from({ length: patterns.nPatterns }, (_, p) => patterns.window[2 * p + 1]! - patterns.window[2 * p]! + 1);
    expect(Math.max(...widths)).toBeLessThan(61); // windows did narrow
    for (const shift of [0.05, 1.5]) {
      const t = at(shift);
      const windowed = count(t, false); // starts from the windows of the unshifted parameters
      const full = count(t, true);
      expect(windowed.logLik).toBeCloseTo(full.logLik, 9);
      for (let k = 0; k < full.right.length; k++) expect(Math.abs(windowed.right[k]! - full.right[k]!)).toBeLessThan(1e-12);
    }
  });

  it('matches a hand computation: one item, three nodes, one person right and one wrong', () => {
    const { patterns } = buildPatterns(responseMatrix(['x'], [[1], [0]]));
    const q3 = normalQuadrature(3, 1); // nodes -1, 0, 1
    const t = newTables(1, q3, true);
    fillTables('2pl', Float64Array.of(1, 0), 1, q3, t, true);
    const c = emptyCounts(1, 3, true);
    eStep(patterns, t, 0, 2, c);
    finishCounts(patterns, 3, c);
    const w = [Math.exp(-0.5), 1, Math.exp(-0.5)];
    const sw = w[0]! + w[1]! + w[2]!;
    const sig = (z: number) => 1 / (1 + Math.exp(-z));
    const right = [-1, 0, 1].map((z, q) => (w[q]! / sw) * sig(z));
    const pRight = right.reduce((a, b) => a + b, 0);
    expect(pRight).toBeCloseTo(0.5, 12);
    expect(c.logLik).toBeCloseTo(2 * Math.log(0.5), 12);
    right.forEach((r, q) => expect(c.right[q]).toBeCloseTo(r / pRight, 12));
    // The wrong answer's posterior is the mirror image.
    right.forEach((r, q) => expect(c.wrong[2 - q]).toBeCloseTo(r / pRight, 12));
  });
});
