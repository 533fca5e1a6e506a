import { describe, expect, it } from 'vitest';
import { gradeRubric } from './grade-project.ts';

const rubric = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, criterion: id, levels: ['0: x', '1: x', '2: x', '3: x'] }));

describe('gradeRubric', () => {
  it('adds the levels out of three per criterion and meets the standard at 70% with no zero', () => {
    expect(gradeRubric(rubric, { a: 3, b: 3, c: 2, d: 2, e: 1 })).toEqual({ points: 11, max: 15, meets: true });
    expect(gradeRubric(rubric, { a: 3, b: 2, c: 2, d: 2, e: 1 })).toEqual({ points: 10, max: 15, meets: false });
    expect(gradeRubric(rubric, { a: 3, b: 3, c: 3, d: 3, e: 0 })).toEqual({ points: 12, max: 15, meets: false });
  });

  it('names the criteria without a valid level and the ones the rubric does not have', () => {
    expect(gradeRubric(rubric, { a: 3, b: 4, c: 2, d: 1.5, z: 1 })).toEqual({ missing: ['b', 'd', 'e'], unknown: ['z'] });
  });
});
