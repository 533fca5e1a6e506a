import { describe, expect, it } from 'vitest';
import { countNoun } from './count-noun.ts';

describe('countNoun', () => {
  it('takes the singular for 1 in English, for 0 and 1 in French', () => {
    expect([0, 1, 2].map((n) => countNoun(n, 'minute'))).toEqual(['0 minutes', '1 minute', '2 minutes']);
    expect([0, 1, 2].map((n) => countNoun(n, 'seconde', 'secondes', 'fr'))).toEqual(['0 seconde', '1 seconde', '2 secondes']);
    expect(countNoun(3, 'MLA-C01 question')).toBe('3 MLA-C01 questions');
  });
});
