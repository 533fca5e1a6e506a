import { describe, expect, it } from 'vitest';
import { calibrate } from '../core/measure/calibrate.ts';
import { mulberry32, normal, simulateResponses } from '../core/measure/simulate-responses.ts';
import { calibrateParallel } from './calibrate-parallel.ts';

describe('calibrateParallel', () => {
  const rng = mulberry32(11);
  const truth = Array.from({ length: 24 }, () => ({ a: Math.exp(0.3 * normal(rng)), d: normal(rng) }));
  const dense = simulateResponses(truth, 3000, rng).data;
  const sparse = simulateResponses(truth, 3000, rng, { answeredPerPerson: 10 }).data;

  for (const [name, data] of [['dense', dense], ['sparse', sparse]] as const) {
    it(`splits the ${name} E-step over worker threads and gets the single-thread result`, async () => {
      const one = calibrate(data, { model: '2pl' });
      const progress: number[] = [];
      const two = await calibrateParallel(data, { model: '2pl', threads: 2, minCellsForThreads: 0, onProgress: (p) => progress.push(p.iteration) });
      expect(two.threads).toBe(2);
      expect(two.converged).toBe(true);
      expect(two.iterations).toBe(one.iterations);
      expect(two.logLik).toBeCloseTo(one.logLik, 6);
      two.items.forEach((it, j) => {
        expect(it.a).toBeCloseTo(one.items[j]!.a, 8);
        expect(it.d).toBeCloseTo(one.items[j]!.d, 8);
      });
      expect(progress.length).toBeGreaterThanOrEqual(two.iterations);
    });
  }

  it('stays in this thread for small data and for threads: 1', async () => {
    const { threads, ...res } = await calibrateParallel(dense, { model: 'rasch', threads: 1 });
    expect(threads).toBe(1);
    expect(res).toEqual(calibrate(dense, { model: 'rasch' }));
    expect((await calibrateParallel(dense, { model: '2pl', threads: 2 })).threads).toBe(1); // 72k cells: below the default threshold
  });

  it('returns the degenerate result without starting workers', async () => {
    const res = await calibrateParallel({ itemIds: [], rowStart: Int32Array.of(0), items: new Int32Array(0), scores: new Uint8Array(0), weights: new Float64Array(0) }, { model: '2pl', threads: 2 });
    expect(res.converged).toBe(false);
    expect(res.reason).toMatch(/nothing to calibrate/);
  });
});
