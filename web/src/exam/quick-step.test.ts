import { describe, expect, it } from 'vitest';
import { quickStep } from './quick-step.ts';

describe('quickStep', () => {
  it('asks for the next item until the target is reached', () => {
    expect(quickStep(1, 20, false)).toBe('next');
    expect(quickStep(19, 20, false)).toBe('next');
    expect(quickStep(20, 20, false)).toBe('finish');
  });

  it('finishes early when the server has no further item', () => {
    expect(quickStep(12, 20, true)).toBe('finish');
  });

  it('finishes when more items than the target are there, or no target is known', () => {
    expect(quickStep(21, 20, false)).toBe('finish');
    expect(quickStep(3, undefined, false)).toBe('finish');
  });
});
