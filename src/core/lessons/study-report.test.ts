import { describe, expect, it } from 'vitest';
import { loadExam } from '../../../test/helpers/load-exam.ts';
import { syntheticBank } from '../../../test/helpers/synthetic-bank.ts';
import { indexExam } from '../exam/exam-schema.ts';
import { cardId, type Lesson } from './lesson-schema.ts';
import { quizPassed, quizPools, studyGaps, studyReport } from './study-report.ts';

const c01 = loadExam('mla-c01');
const c02 = loadExam('mla-c02');

const lesson = (cards: number): Lesson => ({
  id: 'data-ingestion',
  title: 'Data ingestion for ML',
  titleFr: 'Ingestion de données pour le ML',
  exams: { 'mla-c01': { module: 1, bullets: ['1.1.k1'] } },
  references: ['https://docs.aws.amazon.com/streams/latest/dev/introduction.html'],
  body: 'Body.',
  words: 900,
  cards: Array.from({ length: cards }, (_, i) => ({ id: cardId('data-ingestion', `Q${i}?`), front: `Q${i}?`, back: 'A.', source: 'https://docs.aws.amazon.com/streams/latest/dev/introduction.html' })),
});

describe('quizPassed: 8 of 10 right', () => {
  it('passes at 8, 9 and 10 of 10, not at 7; an unanswered question is simply not right', () => {
    expect([7, 8, 9, 10].map((n) => quizPassed(n, 10))).toEqual([false, true, true, true]);
    expect(quizPassed(0, 0)).toBe(false);
  });
});

describe('quizPools', () => {
  it('counts, for C02, only the kinds of question the exam asks; for C01 every kind', () => {
    // The synthetic bank cycles single, multiple, ordering, matching, all in module 1.
    expect(quizPools(syntheticBank(c02, 12, 0), c02).get(1)).toBe(24);
    expect(quizPools(syntheticBank(c01, 12, 0), c01).get(1)).toBe(48);
  });
});

describe('studyReport and studyGaps', () => {
  it('gives each module its lesson, words, cards and quiz pool, and names what is missing', () => {
    const report = studyReport(indexExam(c01), [lesson(9)], syntheticBank(c01, 2, 0));
    expect(report.modules[0]).toEqual({ id: 1, title: 'Data ingestion for ML', lesson: 'data-ingestion', lessonWords: 900, cards: 9, quizPool: 8, skills: ['1.1.k1'] });
    expect(report.modules.some((m) => m.id === 27)).toBe(false); // the mock is not a content module
    const gaps = studyGaps(report);
    expect(gaps).toContain('module 1 has 9 flash cards (at least 10)');
    expect(gaps).toContain('module 1 has 8 questions for its quiz (at least 10)');
    expect(gaps).toContain('module 2 (SageMaker Data Wrangler) has no lesson');
    expect(studyGaps(studyReport(indexExam(c01), [lesson(10)], syntheticBank(c01, 3, 0))).filter((g) => g.startsWith('module 1 '))).toEqual([]);
  });
});
