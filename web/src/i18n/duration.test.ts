import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration.ts';

describe('formatDuration', () => {
  it('writes seconds, minutes and seconds, or hours and minutes', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(47_400)).toBe('47 s');
    expect(formatDuration(59_600)).toBe('1 min');
    expect(formatDuration(65_000)).toBe('1 min 05 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(7_800_000)).toBe('2 h 10 min');
    expect(formatDuration(3_599_700)).toBe('1 h 00 min');
    expect(formatDuration(-5)).toBe('0 s');
  });
});
