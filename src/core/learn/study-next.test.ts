import { describe, expect, it } from 'vitest';
import { loadExam } from '../../../test/helpers/load-exam.ts';
import { rankStudy } from './study-next.ts';

const c02 = loadExam('mla-c02');

describe('rankStudy', () => {
  it('ranks every task statement by share × (1 − mastery); with no answers, the heavy domain first', () => {
    const ranked = rankStudy(c02, new Map());
    expect(ranked).toHaveLength(c02.domains.reduce((n, d) => n + d.tasks.length, 0));
    // Domain 1 weighs 28 over 3 task statements: 0.28 / 3 × 0.5 each, ahead of every 24-weight task.
    const d1Tasks = c02.domains[0]!.tasks.length;
    expect(ranked[0]).toMatchObject({ task: '1.1', domain: '1', mastery: 0.5, answered: 0 });
    expect(ranked[0]!.points).toBeCloseTo((0.28 / d1Tasks) * 0.5, 12);
    expect(ranked.slice(0, d1Tasks).every((r) => r.domain === '1')).toBe(true);
  });

  it('puts a weak task before a strong one of the same domain, and counts only that task’s answers', () => {
    const ranked = rankStudy(c02, new Map([['1.1', { correct: 9, answered: 10 }], ['1.2', { correct: 1, answered: 10 }]]));
    const pos = (task: string) => ranked.findIndex((r) => r.task === task);
    expect(pos('1.2')).toBeLessThan(pos('1.3'));
    expect(pos('1.3')).toBeLessThan(pos('1.1'));
    expect(ranked.find((r) => r.task === '1.1')).toMatchObject({ correct: 9, answered: 10, mastery: 10 / 12 });
  });

  it('breaks ties on the lower task id', () => {
    const ranked = rankStudy(c02, new Map());
    const d2 = ranked.filter((r) => r.domain === '2').map((r) => r.task);
    expect(d2).toEqual([...d2].sort());
  });
});
