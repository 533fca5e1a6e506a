import { describe, expect, it } from 'vitest';
import type { Question } from '../items/item-schema.ts';
import { chanceRate } from './chance-rate.ts';

const options = (n: number) => Array.from({ length: n }, (_, k) => ({ id: String.fromCharCode(97 + k), text: `option ${k}`, correct: k === 0 }));

describe('chanceRate', () => {
  it('is the probability of a blind guess being right as scored, all or nothing', () => {
    expect(chanceRate({ id: 's', type: 'single', stem: 'x', options: options(4) } as unknown as Question)).toBe(0.25);
    expect(chanceRate({ id: 'm', type: 'multiple', select: 2, stem: 'x', options: options(5) } as unknown as Question)).toBe(0.1);
    expect(chanceRate({ id: 'm3', type: 'multiple', select: 3, stem: 'x', options: options(6) } as unknown as Question)).toBe(0.05);
    const steps = Array.from({ length: 4 }, (_, k) => ({ id: `s${k}`, text: `step ${k}` }));
    expect(chanceRate({ id: 'o', type: 'ordering', stem: 'x', steps } as unknown as Question)).toBe(1 / 24);
    const prompts = Array.from({ length: 3 }, (_, k) => ({ id: `p${k}`, text: `p ${k}`, match: `r${k}` }));
    const responses = Array.from({ length: 5 }, (_, k) => ({ id: `r${k}`, text: `r ${k}` }));
    expect(chanceRate({ id: 't', type: 'matching', stem: 'x', prompts, responses } as unknown as Question)).toBe(1 / 60);
  });
});
