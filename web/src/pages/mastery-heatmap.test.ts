import { describe, expect, it } from 'vitest';
import { masteryStep } from './mastery-heatmap.tsx';

describe('masteryStep', () => {
  it('keeps step 0 for a task with no answer, whatever its prior mastery', () => {
    expect(masteryStep(0.5, 0)).toBe(0);
  });
  it('maps mastery to five steps, the top one reached only near full mastery', () => {
    expect([0.05, 0.2, 0.39, 0.4, 0.6, 0.79, 0.8, 0.99, 1].map((m) => masteryStep(m, 3))).toEqual([1, 2, 2, 3, 4, 4, 5, 5, 5]);
  });
});
