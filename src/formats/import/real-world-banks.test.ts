import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { questionPool } from '../../core/exam/assemble-form.ts';
import { isExamShaped, type BankEntry } from '../../core/items/item-schema.ts';
import { loadExam } from '../../../test/helpers/load-exam.ts';
import { planImport } from './plan-import.ts';

const DIR = 'test/fixtures/interchange/real-world';
const plan = (file: string, format: 'gift' | 'moodle') => planImport(readFileSync(`${DIR}/${file}`), undefined, { format, collection: 'provider', skipInvalid: true, file });
const statuses = (p: Awaited<ReturnType<typeof plan>>) => p.report.items.map((i) => [i.id, i.status]);

describe('banks from elsewhere (real-world shapes)', () => {
  it('GIFT: repeated titles become distinct questions, each with its own report line and position', async () => {
    const p = await plan('duplicate-titles.gift', 'gift');
    expect(statuses(p)).toEqual([
      ['warm-up', 'imported'],
      ['warm-up-2', 'imported'],
      ['quick-fact', 'imported'],
      ['capital', 'skipped'],
      ['pick-all', 'imported'],
    ]);
    const renamed = p.report.items[1]!.problems.find((x) => x.code === 'renamed')!;
    expect(renamed).toEqual({ code: 'renamed', message: 'the name "warm-up" is used by an earlier question: imported as "warm-up-2"', line: 12, column: 1 });
    expect(p.entries.map((e) => e.id)).toEqual(['warm-up', 'warm-up-2', 'quick-fact', 'pick-all']);
  });

  it('GIFT: true/false becomes two options with their feedback; a weighted short answer is skipped, never read as a multiple response', async () => {
    const p = await plan('duplicate-titles.gift', 'gift');
    const tf = p.entries.find((e) => e.id === 'quick-fact')!;
    expect(tf).toMatchObject({ type: 'single', options: [{ text: 'True', correct: true, why: 'Yes: real-time endpoints serve HTTPS requests.' }, { text: 'False', correct: false, why: 'Real-time endpoints are HTTPS.' }] });
    expect(p.report.items[3]!.problems).toEqual([{ code: 'skipped', message: 'GIFT short-answer questions have no certprep equivalent', line: 22, column: 1 }]);
    // Three options, two keys: a multiple response for practice.
    expect(p.entries.find((e) => e.id === 'pick-all')).toMatchObject({ type: 'multiple', select: 2 });
  });

  it('Moodle: repeated names become distinct questions; <single>1</single> and <single>0</single> are read as written', async () => {
    const p = await plan('duplicate-names.xml', 'moodle');
    expect(statuses(p)).toEqual([
      ['question-1', 'imported'],
      ['question-1-2', 'imported'],
      ['question-1-3', 'imported'],
      ['question-2', 'imported'],
    ]);
    expect(p.report.items[2]!.problems.find((x) => x.code === 'renamed')).toEqual({ code: 'renamed', message: 'the name "question-1" is used by an earlier question: imported as "question-1-3"', line: 20, column: 3, path: '/quiz/question[3]' });
    const [first, second, third, fourth] = p.entries as BankEntry[];
    expect(first).toMatchObject({ type: 'single' });
    expect(second).toMatchObject({ type: 'multiple', select: 2 });
    expect(third).toMatchObject({ type: 'single', options: [{ text: 'True', correct: true }, { text: 'False', correct: false }] });
    // Multiple response with one key among three: kept, as the author wrote it.
    expect(fourth).toMatchObject({ type: 'multiple', select: 1 });
  });

  it('only the exam’s shapes may enter a mock, even once an author has tagged them', async () => {
    const c02 = loadExam('mla-c02');
    const tag = { 'mla-c02': { task: '1.1', bullets: ['1.1.s1'], module: 1, angoff: 0.6 } };
    const [gift, moodle] = [await plan('duplicate-titles.gift', 'gift'), await plan('duplicate-names.xml', 'moodle')];
    const tagged = [...gift.entries, ...moodle.entries].map((e) => ({ ...e, exams: tag }) as BankEntry);
    const shaped = tagged.filter((e) => e.type !== 'case' && isExamShaped(e)).map((e) => e.id);
    // Of the eight, one is a 4-option multiple choice; the others have 2, 3 or 5 options, or one key in a multiple response.
    expect(shaped).toEqual(['question-1']);
    expect(questionPool(tagged, c02, { forMock: true }).map((p) => p.question.id)).toEqual(shaped);
    expect(questionPool(tagged, c02).map((p) => p.question.id)).toHaveLength(8);
  });
});
