import { describe, expect, it } from 'vitest';
import { loadExam } from '../../../test/helpers/load-exam.ts';
import { afterResult, resultProblem } from './exam-result.ts';

const c02 = loadExam('mla-c02');
const domains = { '1': 'meets', '2': 'needs-improvement', '3': 'meets', '4': 'needs-improvement' } as const;

describe('after the real exam', () => {
  it('gives the earliest retake 14 days after a failed sitting, with the domains marked Needs improvement first', () => {
    expect(afterResult(c02, { satOn: '2027-02-01', scaled: 690, passed: false, beta: false, domains })).toEqual({ kind: 'retake', earliest: '2027-02-15', reason: 'wait', focus: ['2', '4'] });
  });

  it('after a failed beta, which can be taken once, points to the standard exam once it is available', () => {
    expect(afterResult(c02, { satOn: '2026-10-20', scaled: 650, passed: false, beta: true, domains })).toEqual({ kind: 'retake', earliest: '2027-01-14', reason: 'beta-once', focus: ['2', '4'] });
    // Failed late in the beta: the usual wait ends after general availability.
    expect(afterResult(c02, { satOn: '2027-01-10', scaled: 650, passed: false, beta: true, domains })).toMatchObject({ earliest: '2027-01-24', reason: 'wait' });
  });

  it('records a pass as a certification valid three years, and suggests preparing the renewal six months before', () => {
    expect(afterResult(c02, { satOn: '2027-02-01', scaled: 801, passed: true, beta: false, domains })).toEqual({ kind: 'certified', validUntil: '2030-02-01', prepareFrom: '2029-08-01' });
  });

  it('refuses a verdict that contradicts the score, a future date and missing domains', () => {
    const ok = { satOn: '2027-02-01', scaled: 700, passed: false, domains };
    expect(resultProblem(c02, ok, '2027-02-02')).toBeNull();
    expect(resultProblem(c02, { ...ok, passed: true }, '2027-02-02')).toBe('A scaled score of 700 is below the passing score of 720: check the result on your score report.');
    expect(resultProblem(c02, { ...ok, scaled: 720 }, '2027-02-02')).toBe('A scaled score of 720 reaches the passing score of 720: check the result on your score report.');
    expect(resultProblem(c02, ok, '2027-01-31')).toBe('The exam date 2027-02-01 is in the future: record a result once you have it.');
    expect(resultProblem(c02, { ...ok, domains: { '1': 'meets', '5': 'meets' } }, '2027-02-02')).toBe("Give a classification for each of the exam's domains (1, 2, 3, 4); 5 is not one of them.");
  });
});
