import { describe, expect, it } from 'vitest';
import { paceSummary, weekStart, weeklyStudyTime } from './study-time.ts';

describe('paceSummary', () => {
  it('sums the questions seen, averages over them and lists the slowest first', () => {
    const times = new Map([
      [0, 60_000],
      [1, 180_000],
      [2, 0],
      [3, 90_000],
      [4, 180_000],
    ]);
    const pace = paceSummary(times, 120_000, 3);
    expect(pace).toEqual({
      questionMs: 510_000,
      seen: 4,
      averageMs: 127_500,
      targetMs: 120_000,
      slowest: [
        { position: 1, ms: 180_000 },
        { position: 4, ms: 180_000 },
        { position: 3, ms: 90_000 },
      ],
    });
  });
  it('has no average when no question was on screen', () => {
    expect(paceSummary(new Map(), 120_000)).toMatchObject({ questionMs: 0, seen: 0, averageMs: 0, slowest: [] });
  });
});

describe('weekly study time', () => {
  it('finds the Monday of any day, across a year boundary', () => {
    expect(weekStart(Date.parse('2026-12-03T23:59:00Z'))).toBe('2026-11-30'); // a Thursday
    expect(weekStart(Date.parse('2026-11-30T00:00:00Z'))).toBe('2026-11-30'); // the Monday itself
    expect(weekStart(Date.parse('2026-11-29T23:59:59Z'))).toBe('2026-11-23'); // the Sunday before
    expect(weekStart(Date.parse('2027-01-01T12:00:00Z'))).toBe('2026-12-28');
  });
  it('lists every week up to the current one, oldest first, and leaves out older attempts', () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    const weeks = weeklyStudyTime(
      [
        { startedMs: Date.parse('2026-12-01T09:00:00Z'), ms: 600_000 },
        { startedMs: Date.parse('2026-12-02T09:00:00Z'), ms: 300_000 },
        { startedMs: Date.parse('2026-11-17T09:00:00Z'), ms: 120_000 },
        { startedMs: Date.parse('2026-10-01T09:00:00Z'), ms: 999_000 },
      ],
      now,
      4,
    );
    expect(weeks).toEqual([
      { weekStart: '2026-11-09', ms: 0 },
      { weekStart: '2026-11-16', ms: 120_000 },
      { weekStart: '2026-11-23', ms: 0 },
      { weekStart: '2026-11-30', ms: 900_000 },
    ]);
  });
});
