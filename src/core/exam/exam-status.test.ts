import { describe, expect, it } from 'vitest';
import { loadExam } from '../../../test/helpers/load-exam.ts';
import type { ExamDefinition } from './exam-schema.ts';
import { defaultExamId, examStatus } from './exam-status.ts';

const c01 = loadExam('mla-c01');
const c02 = loadExam('mla-c02');
const exams = new Map<string, ExamDefinition>([c01, c02].map((e) => [e.id, e]));

describe('examStatus, from the exam files and a day', () => {
  it('MLA-C01 is current up to and on its last English sitting', () => {
    expect(examStatus(c01, exams, '2026-09-01')).toEqual({ phase: 'current' });
    expect(examStatus(c01, exams, '2026-09-28')).toEqual({ phase: 'current' });
  });

  it('MLA-C01 after 2026-09-28: retired in English, still offered in Japanese, Korean and Simplified Chinese until MLA-C02 general availability (reported)', () => {
    expect(examStatus(c01, exams, '2026-12-02')).toEqual({
      phase: 'retiring',
      successor: 'MLA-C02',
      ended: [{ languages: ['English'], date: '2026-09-28' }],
      continuing: [{ languages: ['Japanese', 'Korean', 'Simplified Chinese'], until: { date: '2027-01-14', confirmed: false }, untilSuccessorGeneralAvailability: true }],
    });
  });

  it('MLA-C01 from MLA-C02 general availability on: retired everywhere', () => {
    expect(examStatus(c01, exams, '2027-01-14')).toEqual({ phase: 'retired', successor: 'MLA-C02', lastSitting: { date: '2027-01-14', confirmed: false } });
  });

  it('MLA-C02: nothing before its beta, beta until its general availability, available from that day', () => {
    expect(examStatus(c02, exams, '2026-09-28')).toEqual({ phase: 'current' });
    expect(examStatus(c02, exams, '2026-12-02')).toEqual({
      phase: 'beta',
      since: '2026-09-29',
      languages: ['English'],
      generalAvailability: { date: '2027-01-14', confirmed: false },
    });
    expect(examStatus(c02, exams, '2027-01-14')).toEqual({ phase: 'available', since: { date: '2027-01-14', confirmed: false } });
  });

  it('a confirmed date stays confirmed', () => {
    const confirmed = { ...c02, availability: { ...c02.availability, generalAvailability: { date: '2027-01-14', confirmed: true } } };
    expect(examStatus(confirmed, exams, '2027-02-01')).toEqual({ phase: 'available', since: { date: '2027-01-14', confirmed: true } });
  });

  it('the default exam is the version nothing has replaced', () => {
    expect(defaultExamId([c01, c02])).toBe('mla-c02');
    expect(defaultExamId([c01])).toBe('mla-c01');
    expect(defaultExamId([])).toBeUndefined();
  });
});
