import { describe, expect, it } from 'vitest';
import { eapAbility } from './ability.ts';
import { admitCalibration, DEFAULT_ADMISSION, usableParameters } from './admit-calibration.ts';
import { calibrate } from './calibrate.ts';
import { mulberry32, normal, simulateResponses } from './simulate-responses.ts';

const rng = mulberry32(42);
const truth = Array.from({ length: 20 }, () => ({ a: 0.8 + rng() * 1.2, d: normal(rng) }));

describe('admitCalibration', () => {
  it('refuses a calibration of two or five persons, whatever EM says about it', () => {
    for (const persons of [2, 5]) {
      const sim = simulateResponses(truth, persons, mulberry32(persons));
      const result = calibrate(sim.data, { model: '2pl' });
      const admission = admitCalibration(result);
      expect(admission.refused).toBe(`${result.persons} persons answered; a calibration needs at least ${DEFAULT_ADMISSION.minPersons}`);
      expect(admission.admitted).toEqual([]);
    }
  });

  it('leaves out items with too few responses, a slope about zero or at its bound, and says why', () => {
    const sim = simulateResponses(truth, 600, mulberry32(5), { answeredPerPerson: 6 });
    const result = calibrate(sim.data, { model: '2pl' });
    expect(result.converged).toBe(true);
    // 600 persons answering 6 of 20 items: about 180 responses per item.
    const strict = admitCalibration(result, { ...DEFAULT_ADMISSION, minResponses: 1000 });
    expect(strict.refused).toBe('no item met the rules for scoring');
    expect(strict.leftOut[0]!.reason).toMatch(/^\d+ responses; an item needs at least 1000$/);
    const flat = { ...result, items: result.items.map((it, k) => (k === 0 ? { ...it, a: 0.02 } : k === 1 ? { ...it, a: 20 } : it)) };
    const admission = admitCalibration(flat);
    expect(admission.leftOut.map((l) => l.id)).toEqual([result.items[0]!.id, result.items[1]!.id]);
    expect(admission.leftOut[0]!.reason).toMatch(/^slope about zero/);
    expect(admission.leftOut[1]!.reason).toMatch(/^slope reached the bound/);
    expect(admission.admitted).toHaveLength(18);
  });

  it('warns when the data cannot identify the model', () => {
    const sim = simulateResponses(truth, 250, mulberry32(9));
    const result = calibrate(sim.data, { model: '3pl' });
    const admission = admitCalibration({ ...result, patterns: 40 });
    expect(admission.warnings).toEqual(['the 3pl model is not identified by these data: 40 distinct response patterns for 60 parameters']);
  });

  it('stores a Rasch fit on the N(0, 1) scale: a is the fitted latent SD, and scoring needs no separate SD', () => {
    const rasch = Array.from({ length: 20 }, () => ({ a: 1, d: normal(rng) }));
    const sim = simulateResponses(rasch, 3000, mulberry32(17), { thetaSd: 0.75 });
    const result = calibrate(sim.data, { model: 'rasch' });
    const admission = admitCalibration(result);
    expect(result.thetaSd!).toBeGreaterThan(0.68);
    expect(result.thetaSd!).toBeLessThan(0.82);
    expect(admission.latent.fittedSd).toBe(result.thetaSd);
    for (const it of admission.admitted) expect(it.a).toBe(result.thetaSd);
    // EAP with the stored parameters and N(0, 1) equals EAP on the unit-slope scale with N(0, sd^2), divided by sd.
    const pattern = admission.admitted.map((_, j) => (j % 3 === 0 ? 0 : 1));
    const stored = eapAbility(admission.admitted, pattern);
    const unit = eapAbility(
      admission.admitted.map((it) => ({ a: 1, d: it.d })),
      pattern,
      { priorSd: result.thetaSd! },
    );
    expect(stored.theta).toBeCloseTo(unit.theta / result.thetaSd!, 3);
  });
});

describe('usableParameters', () => {
  it('accepts a positive finite slope below its bound, and nothing else', () => {
    expect(usableParameters({ a: 1.2, d: -0.4 })).toBe(true);
    expect(usableParameters({ a: 1.2, d: -0.4, c: 0.2 })).toBe(true);
    for (const bad of [{ a: -0.5, d: 0 }, { a: 0, d: 0 }, { a: 20, d: 0 }, { a: 1, d: Number.NaN }, { a: 1, d: 31 }, { a: 1, d: 0, c: 1 }]) expect(usableParameters(bad)).toBe(false);
  });
});
