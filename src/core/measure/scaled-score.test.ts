import { describe, expect, it } from 'vitest';
import { angoffRawCut, classifyDomain, cutAbility, irtScaledScore, normalCdf, passProbability, provisionalParameters, testCharacteristic } from './scaled-score.ts';

describe('IRT scaled score (DESIGN.md)', () => {
  it('maps theta_cut to 720, 140 points per logit, rounded and clamped to 100..1000', () => {
    expect(irtScaledScore(0.3, 0.3)).toBe(720);
    expect(irtScaledScore(1.3, 0.3)).toBe(860);
    expect(irtScaledScore(-0.7, 0.3)).toBe(580);
    expect(irtScaledScore(0.5, 0.3)).toBe(748);
    expect(irtScaledScore(0.3 + 0.5 / 140, 0.3)).toBe(721); // 720.5 rounds up
    expect(irtScaledScore(10, 0)).toBe(1000);
    expect(irtScaledScore(-10, 0)).toBe(100);
    expect(() => irtScaledScore(Number.NaN, 0)).toThrow(/must be finite/);
  });

  it('P(pass) = Phi((theta - cut) / SE)', () => {
    expect(passProbability(0.5, 0.3, 0.5)).toBeCloseTo(0.5, 7);
    expect(passProbability(0.5 + 1.959964 * 0.3, 0.3, 0.5)).toBeCloseTo(0.975, 6);
    expect(passProbability(0, 0.25, 0.25)).toBeCloseTo(0.158655, 6);
    expect(() => passProbability(0, 0, 0)).toThrow(/standard error/);
  });

  it('Phi matches known values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1)).toBeCloseTo(0.841345, 6);
    expect(normalCdf(-2.326348)).toBeCloseTo(0.01, 6);
    expect(normalCdf(8)).toBeCloseTo(1, 12);
  });

  it('classifies a domain by its own ability against the cut', () => {
    expect(classifyDomain(0.2, 0.1)).toBe('meets-competencies');
    expect(classifyDomain(0.1, 0.1)).toBe('meets-competencies');
    expect(classifyDomain(0.0, 0.1)).toBe('needs-improvement');
  });
});

describe('cut ability from the test characteristic curve', () => {
  it('puts the cut at theta 0 for provisional parameters (a = 1, b = -logit r)', () => {
    const ratings = [0.6, 0.7, 0.55, 0.8, 0.65];
    const items = ratings.map((r) => provisionalParameters(r));
    const raw = angoffRawCut(ratings);
    expect(raw).toBeCloseTo(3.3, 12);
    expect(cutAbility(items, raw)).toBeCloseTo(0, 8);
    expect(testCharacteristic(items, 0)).toBeCloseTo(raw, 12);
  });

  it('solves TCC(theta) = raw cut for calibrated items', () => {
    const items = [{ a: 1.2, d: 0.5 }, { a: 0.8, d: -0.3 }, { a: 1.5, d: 1, c: 0.2 }];
    const cut = cutAbility(items, 1.8);
    expect(testCharacteristic(items, cut)).toBeCloseTo(1.8, 8);
    expect(cutAbility(items, 2.2)).toBeGreaterThan(cut);
  });

  it('keeps the Angoff raw cut within [1, n-1] and rejects bad input', () => {
    expect(angoffRawCut([0.1, 0.1, 0.2])).toBe(1);
    expect(angoffRawCut([0.95, 0.95, 0.99])).toBe(2);
    expect(() => angoffRawCut([0.5])).toThrow(/at least 2/);
    expect(() => angoffRawCut([0.5, 1])).toThrow(/rating 2/);
    expect(() => cutAbility([{ a: -1, d: 0 }, { a: 1, d: 0 }], 1)).toThrow(/item 1 needs a positive slope/);
    expect(() => cutAbility([{ a: 1, d: 0, c: 0.6 }, { a: 1, d: 0, c: 0.6 }], 1)).toThrow(/outside the reachable/);
    expect(() => cutAbility([], 1)).toThrow(/no items/);
  });

  it('gives provisional parameters with P(theta=0) = r', () => {
    const p = provisionalParameters(0.7);
    expect(p.a).toBe(1);
    expect(p.b).toBeCloseTo(-Math.log(0.7 / 0.3), 12);
    expect(1 / (1 + Math.exp(-(p.a * 0 + p.d)))).toBeCloseTo(0.7, 12);
    expect(p.provisional).toBe(true);
    expect(() => provisionalParameters(1)).toThrow(/strictly between 0 and 1/);
  });
});
