import { describe, expect, it } from 'vitest';
import { studyNext } from './study-next.ts';

const weights = new Map([['1', 28], ['2', 26], ['3', 22], ['4', 24]]);
const d = (id: string, mastery: number, answered = 10) => ({ id, name: `D${id}`, mastery, answered });

describe('studyNext', () => {
  it('picks the domain with the most weighted points to win', () => {
    // 28*0.2=5.6, 26*0.5=13, 22*0.9=19.8, 24*0.6=14.4
    expect(studyNext([d('1', 0.8), d('2', 0.5), d('3', 0.1), d('4', 0.4)], weights)?.id).toBe('3');
  });

  it('breaks ties by the lower domain id', () => {
    const even = new Map([['1', 25], ['2', 25]]);
    expect(studyNext([d('2', 0.5), d('1', 0.5)], even)?.id).toBe('1');
  });

  it('has nothing to suggest before any answer', () => {
    expect(studyNext([d('1', 0.5, 0), d('2', 0.5, 0)], weights)).toBeNull();
  });

  it('clamps mastery outside 0..1 and treats an unknown weight as 0', () => {
    expect(studyNext([d('1', 1.3), d('9', 0), d('2', -0.2)], weights)?.id).toBe('2');
  });
});
