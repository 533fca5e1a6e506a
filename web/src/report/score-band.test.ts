import { describe, expect, it } from 'vitest';
import { scoreBand } from './score-band.ts';

const scale = { min: 100, max: 1000 };

describe('scoreBand', () => {
  it('spans 1.96 standard errors on each side of the score', () => {
    // 655 ± 1.96·84 = 655 ± 164.64 → [490.36, 819.64] → [490, 820].
    const band = scoreBand(655, 84, scale);
    expect(band).toEqual({ low: 490, high: 820, leftPct: ((490 - 100) / 900) * 100, widthPct: ((820 - 490) / 900) * 100 });
  });

  it('keeps the band inside the scale at either end', () => {
    expect(scoreBand(150, 100, scale)).toMatchObject({ low: 100, high: 346, leftPct: 0 });
    const top = scoreBand(950, 100, scale)!;
    expect(top.high).toBe(1000);
    expect(top.leftPct + top.widthPct).toBeCloseTo(100, 10);
  });

  it('is a zero-width band when the standard error is zero', () => {
    expect(scoreBand(720, 0, scale)).toMatchObject({ low: 720, high: 720, widthPct: 0 });
  });

  it('gives no band without a usable standard error or scale', () => {
    expect(scoreBand(655, null, scale)).toBeNull();
    expect(scoreBand(655, -1, scale)).toBeNull();
    expect(scoreBand(655, Number.NaN, scale)).toBeNull();
    expect(scoreBand(Number.POSITIVE_INFINITY, 10, scale)).toBeNull();
    expect(scoreBand(655, 10, { min: 500, max: 500 })).toBeNull();
  });
});
