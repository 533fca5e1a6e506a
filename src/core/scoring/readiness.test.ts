import { describe, expect, it } from 'vitest';
import { readiness, READINESS_MIN_RESPONSES, type ReadinessResponse } from './readiness.ts';
import type { ScoringContext } from './irt-score.ts';

const ids = Array.from({ length: 40 }, (_, i) => `q${i}`);
const ctx: ScoringContext = { params: new Map(ids.map((id) => [id, { a: 1, d: 0, provisional: true }])), thetaCut: 0, calibratedReference: 0, formSe: 0.3, prior: { mean: 0, sd: 1 } };
const domainOf = new Map(ids.map((id, i) => [id, String((i % 4) + 1)]));
const answer = (itemId: string, correct: boolean, t: number, afterReveal = false): ReadinessResponse => ({ itemId, correct, afterReveal, answeredMs: t });

describe('readiness', () => {
  it('asks for more answers below the minimum, and says how many', () => {
    const r = readiness(ids.slice(0, 12).map((id, i) => answer(id, true, i)), domainOf, ctx);
    expect(r).toEqual({ state: 'needs-evidence', basedOn: 12, needed: READINESS_MIN_RESPONSES - 12 });
  });

  it('estimates from each question’s first answer before its key was seen, ignoring later answers and questions outside the exam', () => {
    const first = ids.slice(0, 24).map((id, i) => answer(id, i % 3 !== 0, i));
    // Repeating the same questions right after seeing their keys must not raise the estimate.
    const repeats = ids.slice(0, 24).map((id, i) => answer(id, true, 100 + i, true));
    const outside = Array.from({ length: 30 }, (_, i) => answer(`other${i}`, true, 200 + i));
    const base = readiness(first, domainOf, ctx);
    const withRest = readiness([...first, ...repeats, ...outside], domainOf, ctx);
    expect(base.state).toBe('estimate');
    expect(withRest).toEqual(base);
    if (base.state !== 'estimate') throw new Error('no estimate');
    expect(base).toMatchObject({ basedOn: 24, provisional: true });
    expect(base.passProbability).toBeGreaterThanOrEqual(0.01);
    expect(base.passProbability).toBeLessThanOrEqual(0.99);
  });

  it('rises with more right answers and has a standard error', () => {
    const weak = readiness(ids.slice(0, 30).map((id, i) => answer(id, i % 3 === 0, i)), domainOf, ctx);
    const strong = readiness(ids.slice(0, 30).map((id, i) => answer(id, i % 5 !== 0, i)), domainOf, ctx);
    if (weak.state !== 'estimate' || strong.state !== 'estimate') throw new Error('no estimate');
    expect(strong.scaled).toBeGreaterThan(weak.scaled);
    expect(strong.passProbability).toBeGreaterThan(weak.passProbability);
    expect(weak.scaledSe).toBeGreaterThan(0);
  });

  it('gives no estimate without a scoring context', () => {
    expect(readiness(ids.map((id, i) => answer(id, true, i)), domainOf, undefined)).toMatchObject({ state: 'needs-evidence', basedOn: 0 });
  });
});
