import { describe, expect, it } from 'vitest';
import { loadExam } from '../../../test/helpers/load-exam.ts';
import { parseContentFile } from '../../formats/yaml/parse-yaml-entries.ts';
import { indexExam } from '../exam/exam-schema.ts';
import { checkBank, formatProblem } from './check-bank.ts';
import { forExam } from './exam-tags.ts';
import { upgradeEntry } from './upgrade-entry.ts';

const exams = [indexExam(loadExam('mla-c01')), indexExam(loadExam('mla-c02'))];
const OPTIONS = ['      - {id: a, text: One, correct: true, why: W}', '      - {id: b, text: Two, why: W}', '      - {id: c, text: Three, why: W}', '      - {id: d, text: Four, why: W}'];

function check(tagLines: string[]) {
  const yaml = ['items:', '  - id: t1', '    type: single', '    exams:', ...tagLines, '    difficulty: 3', '    stem: Which one?', '    explanation: Because.', '    references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html"]', '    options:', ...OPTIONS].join('\n');
  const { entries } = parseContentFile(yaml, 'd1/t.yaml');
  return checkBank(entries, exams).problems.map(formatProblem);
}

describe('per-exam tags', () => {
  it('accepts an item tagged for both exams in each exam\'s own ids', () => {
    expect(check(['      mla-c01: {task: "1.1", bullets: ["1.1.k1"], module: 1, angoff: 0.6}', '      mla-c02: {task: "1.1", bullets: ["1.1.s7"], module: 28, angoff: 0.5}'])).toEqual([]);
  });

  it('checks every exam\'s ids and says where: unknown skill, other task, module teaching none of them, unknown exam', () => {
    expect(
      check([
        '      mla-c01: {task: "1.1", bullets: ["1.1.s7"], module: 1, angoff: 0.6}',
        '      mla-c02: {task: "1.1", bullets: ["1.2.s5"], module: 2, angoff: 0.5}',
        '      mla-c03: {task: "1.1"}',
      ]),
    ).toEqual([
      'd1/t.yaml:5:40 error "1.1.s7" is not a bullet or skill of MLA-C01 [t1]',
      'd1/t.yaml:6:40 warning MLA-C02 "1.2.s5" belongs to task 1.2, not 1.1 [t1]',
      'd1/t.yaml:6:59 warning MLA-C02 module 2 teaches none of 1.2.s5 [t1]',
      'd1/t.yaml:7:16 error unknown exam "mla-c03" (known: mla-c01, mla-c02) [t1]',
    ]);
  });

  it('refuses the old flat fields with a hint, and a module that is C02\'s mock', () => {
    const problems = check(['      mla-c02: {task: "1.1", bullets: ["1.1.s7"], module: 27, angoff: 0.5}']);
    expect(problems).toEqual(['d1/t.yaml:5:59 error MLA-C02 module 27 is a mock exam, not content [t1]']);
    const flat = parseContentFile(['items:', '  - id: t2', '    type: single', '    task: "1.1"', '    stem: Which?', '    options:', ...OPTIONS].join('\n'), 'd1/f.yaml');
    expect(checkBank(flat.entries, exams).problems.map((p) => p.message)).toContain('unknown field "task" (task, bullets, module and angoff go under exams.<exam id>)');
  });
});

describe('upgradeEntry', () => {
  it('reads an item stored before per-exam tags, case studies included, and leaves today\'s format alone', () => {
    const old = { id: 'x', type: 'single', exams: ['mla-c01'], task: '1.1', bullets: ['1.1.k1'], module: 1, angoff: 0.6, difficulty: 2, stem: 'S', options: [] };
    expect(upgradeEntry(old)).toEqual({ id: 'x', type: 'single', exams: { 'mla-c01': { task: '1.1', bullets: ['1.1.k1'], module: 1, angoff: 0.6 } }, difficulty: 2, stem: 'S', options: [] });
    const oldCase = { id: 'c', type: 'case', title: 'T', scenario: 'S', exams: ['mla-c01'], questions: [{ id: 'q', type: 'single', task: '2.1', stem: 'Q', options: [] }] };
    expect(upgradeEntry(oldCase)).toEqual({ id: 'c', type: 'case', title: 'T', scenario: 'S', questions: [{ id: 'q', type: 'single', exams: { 'mla-c01': { task: '2.1' } }, stem: 'Q', options: [] }] });
    const today = upgradeEntry(old);
    expect(upgradeEntry(today)).toBe(today);
  });
});

describe('forExam', () => {
  it('gives a case study to each exam with the questions tagged for it', () => {
    const q = (id: string, exams: Record<string, object>) => ({ id, type: 'single' as const, exams, stem: 'S', options: [] });
    const entry = upgradeEntry({ id: 'c', type: 'case', title: 'T', scenario: 'S', questions: [q('q1', { 'mla-c01': { task: '1.1' } }), q('q2', { 'mla-c01': { task: '1.2' }, 'mla-c02': { task: '1.3' } })] });
    const c02 = forExam(entry, 'mla-c02');
    expect(c02?.type === 'case' && c02.questions.map((x) => [x.id, x.task])).toEqual([['q2', '1.3']]);
    expect(forExam(entry, 'mla-c03')).toBeUndefined();
  });
});
