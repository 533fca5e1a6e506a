import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrate, type CalibrationResult } from './calibrate.ts';
import { guessingPriorFor } from './item-models.ts';
import { responseMatrix, responseMatrixFromDense, MISSING } from './response-matrix.ts';
import { mulberry32, normal, simulateResponses } from './simulate-responses.ts';
import { sharedPath } from '../../../test/helpers/shared-path.ts';

const REF = sharedPath('reference', 'measurement');

function lsat7() {
  const lines = readFileSync(`${REF}/lsat7-patterns.csv`, 'utf8').trim().split('\n');
  const ids = lines[0]!.split(',').slice(0, 5).map((s) => s.replace(/"/g, ''));
  const rows = lines.slice(1).map((l) => l.split(',').map(Number));
  return responseMatrix(ids, rows.map((r) => r.slice(0, 5) as (0 | 1)[]), rows.map((r) => r[5]!));
}

function mirtReference() {
  const lines = readFileSync(`${REF}/lsat7-2pl-reference.csv`, 'utf8').trim().split('\n').slice(1);
  return lines.map((l) => {
    const f = l.split(',');
    return { id: f[0]!.replace(/"/g, ''), a: Number(f[1]), d: Number(f[2]), b: Number(f[3]), logLik: Number(f[6]) };
  });
}

/** Marginal log-likelihood of the LSAT7 patterns by an independent fine trapezoid rule on [-10, 10]. */
function lsat7LogLik(items: { a: number; d: number }[], thetaSd: number): number {
  const m = lsat7();
  let ll = 0;
  for (let r = 0; r < m.weights.length; r++) {
    let integral = 0;
    const n = 4000;
    for (let k = 0; k <= n; k++) {
      const z = -10 + (20 * k) / n;
      let lik = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      for (let c = m.rowStart[r]!; c < m.rowStart[r + 1]!; c++) {
        const it = items[m.items[c]!]!;
        const p = 1 / (1 + Math.exp(-(it.a * thetaSd * z + it.d)));
        lik *= m.scores[c] ? p : 1 - p;
      }
      integral += (k === 0 || k === n ? 0.5 : 1) * lik * (20 / n);
    }
    ll += m.weights[r]! * Math.log(integral);
  }
  return ll;
}

function expectFinite(res: CalibrationResult): void {
  expect(Number.isFinite(res.logLik)).toBe(true);
  for (const it of res.items) for (const v of [it.a, it.d, it.b, it.c ?? 0]) expect(Number.isFinite(v)).toBe(true);
}

describe('calibrate on LSAT Section 7 (Bock & Lieberman 1970)', () => {
  it('reproduces R mirt 2PL estimates: every a and d within 0.01, logLik within 0.01', () => {
    const res = calibrate(lsat7(), { model: '2pl', tolerance: 1e-6 });
    const ref = mirtReference();
    expect(res.converged).toBe(true);
    expect(res.reason).toBeUndefined();
    expect(res.items.map((i) => i.id)).toEqual(ref.map((r) => r.id));
    res.items.forEach((it, j) => {
      expect(Math.abs(it.a - ref[j]!.a)).toBeLessThan(0.01);
      expect(Math.abs(it.d - ref[j]!.d)).toBeLessThan(0.01);
      expect(Math.abs(it.b - ref[j]!.b)).toBeLessThan(0.02);
      expect(it.b).toBeCloseTo(-it.d / it.a, 12);
    });
    expect(Math.abs(res.logLik - -2658.805)).toBeLessThan(0.01);
    expect(res.persons).toBe(1000);
    expect(res.patterns).toBe(32);
  });

  it('gets the same optimum with plain EM as with SQUAREM, in more iterations', () => {
    const fast = calibrate(lsat7(), { model: '2pl', tolerance: 1e-7 });
    const plain = calibrate(lsat7(), { model: '2pl', tolerance: 1e-7, accelerate: false, maxIterations: 5000 });
    expect(plain.converged).toBe(true);
    expect(plain.iterations).toBeGreaterThan(fast.iterations);
    fast.items.forEach((it, j) => {
      expect(it.a).toBeCloseTo(plain.items[j]!.a, 4);
      expect(it.d).toBeCloseTo(plain.items[j]!.d, 4);
    });
    expect(fast.logLik).toBeCloseTo(plain.logLik, 6);
  });

  it('fits Rasch with a = 1 and an estimated theta SD, at a true maximum of the marginal likelihood', () => {
    const res = calibrate(lsat7(), { model: 'rasch', tolerance: 1e-7 });
    expect(res.converged).toBe(true);
    expect(res.items.every((i) => i.a === 1 && i.b === -i.d)).toBe(true);
    const sd = res.thetaSd!;
    expect(sd).toBeGreaterThan(0.5);
    expect(sd).toBeLessThan(2);
    // Nested in 2PL, so its maximum cannot be higher.
    const twoPl = calibrate(lsat7(), { model: '2pl', tolerance: 1e-7 });
    expect(res.logLik).toBeLessThan(twoPl.logLik);
    // An independent fine-grid integral agrees with the reported logLik up to the 61-point quadrature's
    // own error (about 0.02 here), and no small move of any parameter improves it.
    const items = res.items.map((i) => ({ a: 1 / sd, d: i.d })); // a * thetaSd = 1 in the integral
    const at = lsat7LogLik(items, sd);
    expect(Math.abs(at - res.logLik)).toBeLessThan(0.05);
    for (let j = 0; j < items.length; j++) {
      for (const h of [-0.02, 0.02]) {
        const moved = items.map((it, k) => (k === j ? { ...it, d: it.d + h } : it));
        expect(lsat7LogLik(moved, sd)).toBeLessThan(at + 1e-6);
      }
    }
    for (const h of [-0.02, 0.02]) expect(lsat7LogLik(items.map((i) => ({ ...i, a: 1 / (sd + h) })), sd + h)).toBeLessThan(at + 1e-6);
    console.log(`LSAT7 Rasch: logLik ${res.logLik.toFixed(3)}, thetaSd ${sd.toFixed(4)}, ${res.iterations} EM steps`);
  });

  it('fits 3PL with the Beta prior keeping c near its mean and the fit close to 2PL', () => {
    const res = calibrate(lsat7(), { model: '3pl', tolerance: 1e-6, guessingPrior: { alpha: 5, beta: 17 } });
    expect(res.converged).toBe(true);
    for (const it of res.items) {
      expect(it.c).toBeGreaterThan(0.05);
      expect(it.c).toBeLessThan(0.4);
    }
    expect(Math.abs(res.logLik - -2658.805)).toBeLessThan(2);
    expectFinite(res);
  });
});

describe('calibrate: parameter recovery on simulated data (seeded)', () => {
  it('recovers 2PL a and b for 2000 persons x 20 items with RMSE < 0.1 (a) and < 0.15 (b)', () => {
    const rng = mulberry32(20261122);
    const truth = Array.from({ length: 20 }, () => ({ a: Math.exp(0.25 * normal(rng)), d: normal(rng) }));
    const sim = simulateResponses(truth, 2000, rng);
    const res = calibrate(sim.data, { model: '2pl' });
    expect(res.converged).toBe(true);
    const rmse = (f: (j: number) => number) => Math.sqrt(truth.reduce((s, _, j) => s + f(j) ** 2, 0) / truth.length);
    const rmseA = rmse((j) => res.items[j]!.a - truth[j]!.a);
    const rmseB = rmse((j) => res.items[j]!.b - -truth[j]!.d / truth[j]!.a);
    console.log(`2PL recovery 2000 x 20: RMSE a ${rmseA.toFixed(4)}, RMSE b ${rmseB.toFixed(4)}`);
    expect(rmseA).toBeLessThan(0.1);
    expect(rmseB).toBeLessThan(0.15);
  });

  it('recovers 2PL from sparse data (each of 3000 persons answers 15 of 30 items)', () => {
    const rng = mulberry32(7);
    const truth = Array.from({ length: 30 }, () => ({ a: Math.exp(0.25 * normal(rng)), d: normal(rng) }));
    const sim = simulateResponses(truth, 3000, rng, { answeredPerPerson: 15 });
    const res = calibrate(sim.data, { model: '2pl' });
    expect(res.converged).toBe(true);
    const rmseA = Math.sqrt(truth.reduce((s, t, j) => s + (res.items[j]!.a - t.a) ** 2, 0) / 30);
    const rmseD = Math.sqrt(truth.reduce((s, t, j) => s + (res.items[j]!.d - t.d) ** 2, 0) / 30);
    console.log(`2PL sparse recovery 3000 x 30 (15 each): RMSE a ${rmseA.toFixed(4)}, RMSE d ${rmseD.toFixed(4)}`);
    expect(rmseA).toBeLessThan(0.12);
    expect(rmseD).toBeLessThan(0.12);
  });

  it('recovers 3PL parameters with the Beta(5, 17) prior on c', () => {
    const rng = mulberry32(31);
    const truth = Array.from({ length: 20 }, () => ({ a: Math.exp(0.2 * normal(rng)) * 1.2, d: normal(rng), c: 0.15 + 0.1 * rng() }));
    const sim = simulateResponses(truth, 5000, rng);
    const res = calibrate(sim.data, { model: '3pl' });
    expect(res.converged).toBe(true);
    const rmse = (f: (j: number) => number) => Math.sqrt(truth.reduce((s, _, j) => s + f(j) ** 2, 0) / truth.length);
    const rmseA = rmse((j) => res.items[j]!.a - truth[j]!.a);
    const rmseB = rmse((j) => res.items[j]!.b - -truth[j]!.d / truth[j]!.a);
    const rmseC = rmse((j) => res.items[j]!.c! - truth[j]!.c);
    console.log(`3PL recovery 5000 x 20: RMSE a ${rmseA.toFixed(4)}, b ${rmseB.toFixed(4)}, c ${rmseC.toFixed(4)}`);
    expect(rmseA).toBeLessThan(0.25);
    expect(rmseB).toBeLessThan(0.25);
    expect(rmseC).toBeLessThan(0.08);
  });

  it('recovers the Rasch theta SD and intercepts', () => {
    const rng = mulberry32(99);
    const truth = Array.from({ length: 15 }, () => ({ a: 1, d: normal(rng) }));
    const sim = simulateResponses(truth, 3000, rng, { thetaSd: 1.5 });
    const res = calibrate(sim.data, { model: 'rasch' });
    expect(res.converged).toBe(true);
    expect(Math.abs(res.thetaSd! - 1.5)).toBeLessThan(0.1);
    const rmseD = Math.sqrt(truth.reduce((s, t, j) => s + (res.items[j]!.d - t.d) ** 2, 0) / 15);
    expect(rmseD).toBeLessThan(0.1);
  });
});

describe('calibrate: degenerate input is reported, never NaN', () => {
  const ids = ['easy', 'hard', 'unseen', 'i1', 'i2', 'i3'];
  function data() {
    const rng = mulberry32(5);
    const rows: (0 | 1 | null)[][] = [];
    for (let i = 0; i < 300; i++) {
      const t = normal(rng);
      const r = (d: number) => (rng() < 1 / (1 + Math.exp(-(t + d))) ? 1 : 0);
      rows.push([1, 0, null, r(0.5), r(0), r(-0.5)]);
    }
    rows.push([1, 0, null, 1, 1, 1]); // a person with every calibrated item right
    rows.push([null, null, null, null, null, null]); // a person who answered nothing
    return responseMatrix(ids, rows);
  }

  it('excludes items answered all right, all wrong or never, with the reason', () => {
    const res = calibrate(data(), { model: '2pl' });
    expect(res.excluded).toEqual([
      { id: 'easy', reason: 'all responses correct', responses: 301 },
      { id: 'hard', reason: 'all responses incorrect', responses: 301 },
      { id: 'unseen', reason: 'no responses', responses: 0 },
    ]);
    expect(res.items.map((i) => i.id)).toEqual(['i1', 'i2', 'i3']);
    expect(res.converged).toBe(true);
    expect(res.droppedPersons).toBe(1);
    expect(res.perfectPersons).toBeGreaterThanOrEqual(1);
    expect(res.persons).toBe(301);
    expectFinite(res);
  });

  it('returns a reason instead of crashing on empty data and on data with nothing calibratable', () => {
    const empty = calibrate(responseMatrix([], []), { model: '2pl' });
    expect(empty.converged).toBe(false);
    expect(empty.reason).toMatch(/no items/);
    expect(empty.items).toEqual([]);
    const none = calibrate(responseMatrix(['a', 'b'], [[1, 0], [1, 0]]), { model: 'rasch' });
    expect(none.converged).toBe(false);
    expect(none.reason).toMatch(/no item has both right and wrong answers/);
    expect(none.excluded.map((e) => e.reason)).toEqual(['all responses correct', 'all responses incorrect']);
    const nobody = calibrate(responseMatrixFromDense(['a'], new Uint8Array([MISSING, MISSING])), { model: '3pl' });
    expect(nobody.reason).toMatch(/nothing to calibrate/);
    expect(Number.isFinite(nobody.logLik)).toBe(true);
  });

  it('reports non-convergence with the last change when the iteration limit is hit', () => {
    const res = calibrate(lsat7(), { model: '2pl', maxIterations: 3, tolerance: 1e-9 });
    expect(res.converged).toBe(false);
    expect(res.iterations).toBe(3);
    expect(res.reason).toMatch(/iteration limit \(3\) reached; largest parameter change .* > tolerance 1e-9/);
    expectFinite(res);
  });

  it('keeps a runaway slope finite and flags it (a perfect Guttman pattern)', () => {
    const rows: (0 | 1)[][] = [];
    for (let k = 0; k <= 4; k++) for (let n = 0; n < 20; n++) rows.push([0, 1, 2, 3].map((j) => (j < k ? 1 : 0)) as (0 | 1)[]);
    const res = calibrate(responseMatrix(['g1', 'g2', 'g3', 'g4'], rows), { model: '2pl', maxIterations: 60 });
    expectFinite(res);
    expect(res.items.some((i) => i.warnings.some((w) => /bound/.test(w)))).toBe(true);
  });

  it('gives each item type its own guessing prior: select-two items are not pulled toward a quarter', () => {
    // 30 items: the first 15 have chance 1/10 (select two of five), the rest 1/4 (four options).
    const rng = mulberry32(31);
    const items = Array.from({ length: 30 }, (_, j) => ({ a: 1 + rng(), d: normal(rng) * 0.8, c: j < 15 ? 0.1 : 0.25 }));
    const sim = simulateResponses(items, 3000, mulberry32(32));
    const perType = calibrate(sim.data, { model: '3pl', guessingPrior: (id) => guessingPriorFor(Number(id.slice(1)) <= 15 ? 0.1 : 0.25) });
    const common = calibrate(sim.data, { model: '3pl' });
    const meanC = (r: CalibrationResult, low: boolean) => {
      const xs = r.items.filter((it) => (Number(it.id.slice(1)) <= 15) === low).map((it) => it.c!);
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    };
    expect(Math.abs(meanC(perType, true) - 0.1)).toBeLessThan(Math.abs(meanC(common, true) - 0.1));
    expect(meanC(perType, true)).toBeLessThan(meanC(perType, false));
    expect(guessingPriorFor(0.25)).toEqual({ alpha: 5.5, beta: 16.5 });
    expect(guessingPriorFor(1 / 120)).toEqual({ alpha: 1, beta: 21 });
    expect(() => calibrate(sim.data, { model: '3pl', guessingPrior: () => ({ alpha: 0.5, beta: 3 }) })).toThrow(/guessing prior of item 1 needs alpha, beta >= 1/);
  });

  it('rejects bad options with a clear message', () => {
    expect(() => calibrate(lsat7(), { model: '2pl', tolerance: 0 })).toThrow(/tolerance must be > 0/);
    expect(() => calibrate(lsat7(), { model: '3pl', guessingPrior: { alpha: 0.5, beta: 3 } })).toThrow(/guessing prior/);
    expect(() => calibrate(lsat7(), { model: '2pl', quadPoints: 2 })).toThrow(/quadrature/);
  });
});
