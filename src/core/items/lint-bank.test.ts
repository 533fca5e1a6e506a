import { describe, expect, it } from 'vitest';
import { parseContentFile } from '../../formats/yaml/parse-yaml-entries.ts';
import type { Problem } from './check-bank.ts';
import { bankEntrySchema } from './item-schema.ts';
import { lintBank, mergeProblems, type LintEntry } from './lint-bank.ts';
import { bank, multiple, single, testExam } from './lint/test-items.ts';

const FOUR: [string, string, string, string] = ['Use Amazon S3 Select', 'Use Amazon Athena', 'Use AWS Glue jobs', 'Use Amazon EMR'];
const exam = testExam();

describe('lintBank', () => {
  it('checks bullet coverage only for the whole bank, located by locateBullet', () => {
    const items = bank([single('a', 'First stem here', FOUR, 0), single('b', 'Second stem there', FOUR, 1)]);
    const part = lintBank(items, [exam], { wholeBank: false, bankPath: 'items.yaml' });
    expect(part.problems.filter((p) => p.code === 'bullet-uncovered')).toEqual([]);
    const whole = lintBank(items, [exam], {
      wholeBank: true,
      bankPath: 'content',
      locateBullet: (examId, bulletId) => (bulletId === '1.1.k2' ? { file: `exams/${examId}.yaml`, line: 7, column: 13 } : undefined),
    });
    const uncovered = whole.problems.filter((p) => p.code === 'bullet-uncovered');
    expect(uncovered.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual(['content:1:1', 'content:1:1', 'exams/test-exam.yaml:7:13']);
    expect(whole.stats).toMatchObject({ entries: 2, questions: 2, keyBalance: { keyPositions: { a: 1, b: 1, c: 0, d: 0 }, positionTest: null } });
  });

  it('runs every rule and returns problems sorted by file and line', () => {
    const items = bank([
      multiple('m', 'Which two? (Select THREE.)', ['one', 'two', 'three', 'four', 'all of the above'], [0, 1]),
      single('s', 'Which service routes DNS with Route 53?', ['Always use Athena', 'Use Glue', 'Use EMR', 'Use S3'], 0, {
        references: ['https://docs.aws.amazon.com/ja_jp/athena/latest/ug/what-is.html'],
      }),
      single('t', 'Which service routes DNS with Route 53?', FOUR, 2),
    ]);
    const { problems } = lintBank(items, [exam], { wholeBank: false, bankPath: 'b' });
    expect(problems.map((p) => `${p.line}:${p.code}:${p.itemId}`)).toEqual([
      '11:select-count-mismatch:m',
      '12:of-the-above:m',
      '21:out-of-scope-service:s',
      '22:absolute-word:s',
      '22:reference-language:s',
      '31:duplicate-stem:t',
      '31:out-of-scope-service:t',
    ]);
  });

  it('passes rule options through', () => {
    const items = bank(Array.from({ length: 8 }, (_, i) => single(`s${i}`, `Stem ${i} about formats`, FOUR, 0)));
    const { problems, stats } = lintBank(items, [exam], { wholeBank: false, bankPath: 'b', keyBalance: { minItems: 8 }, absoluteWords: [] });
    expect(stats.keyBalance.positionTest?.pValue).toBeLessThan(0.01);
    expect(problems.map((p) => p.code)).toEqual(['key-position-bias', 'key-longest-share']);
  });

  it('locates problems at their YAML line through the parser locator', () => {
    const yaml = [
      'items:',
      '  - id: y1',
      '    type: single',
      '    exams: {test-exam: {task: "1.1"}}',
      '    stem: Which option?',
      '    options:',
      '      - {id: a, text: Use Athena, correct: true}',
      '      - {id: b, text: None of the above}',
      '      - {id: c, text: Use Glue}',
      '      - {id: d, text: Use EMR}',
    ].join('\n');
    const { entries } = parseContentFile(yaml, 'd1/y.yaml');
    const lintEntries: LintEntry[] = entries.map((r) => ({ entry: bankEntrySchema.parse(r.value), file: r.file, locate: r.locate }));
    const { problems } = lintBank(lintEntries, [exam], { wholeBank: false, bankPath: 'd1/y.yaml' });
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`)).toEqual(['d1/y.yaml:8:9 of-the-above']);
  });
});

describe('mergeProblems', () => {
  const p = (file: string, line: number, code: string, severity: Problem['severity'] = 'error'): Problem => ({ severity, code, message: code, file, line, column: 1 });

  it('drops a repeated file, position and code, and sorts by file then line', () => {
    const merged = mergeProblems([p('b.yaml', 3, 'reference-language'), p('a.yaml', 9, 'schema')], [p('b.yaml', 3, 'reference-language'), p('b.yaml', 1, 'absolute-word', 'warning'), p('b.yaml', 3, 'other')]);
    expect(merged.map((x) => `${x.file}:${x.line}:${x.code}`)).toEqual(['a.yaml:9:schema', 'b.yaml:1:absolute-word', 'b.yaml:3:reference-language', 'b.yaml:3:other']);
  });
});
