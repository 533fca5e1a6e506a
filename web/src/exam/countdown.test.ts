import { describe, expect, it } from 'vitest';
import { clockOffset, crossedThreshold, formatRemaining, remainingMs } from './countdown.ts';

describe('countdown', () => {
  it('corrects a client clock that runs 5 minutes fast', () => {
    const server = Date.parse('2026-03-01T10:00:00Z');
    const client = server + 5 * 60_000;
    const offset = clockOffset('2026-03-01T10:00:00Z', client);
    expect(offset).toBe(-300_000);
    expect(remainingMs('2026-03-01T10:20:00Z', client, offset)).toBe(20 * 60_000);
    expect(remainingMs('2026-03-01T10:20:00Z', client + 21 * 60_000, offset)).toBe(0);
  });

  it('formats with hours only when needed and rounds seconds up', () => {
    expect(formatRemaining(130 * 60_000)).toBe('2:10:00');
    expect(formatRemaining(65_500)).toBe('01:06');
    expect(formatRemaining(0)).toBe('00:00');
    expect(formatRemaining(-5)).toBe('00:00');
  });

  it('announces a threshold once, when it is crossed', () => {
    expect(crossedThreshold(10 * 60_000 + 500, 10 * 60_000 - 500)).toBe(10);
    expect(crossedThreshold(10 * 60_000 - 500, 10 * 60_000 - 1500)).toBeNull();
    expect(crossedThreshold(31 * 60_000, 4 * 60_000)).toBe(5);
  });

  it('rejects dates that are not ISO', () => {
    expect(() => clockOffset('soon', 0)).toThrow(/serverNow "soon"/);
    expect(() => remainingMs('later', 0, 0)).toThrow(/deadline "later"/);
  });
});
