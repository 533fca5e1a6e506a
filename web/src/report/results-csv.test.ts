import { describe, expect, it } from 'vitest';
import type { ScoreReport } from '../../../src/core/api/contracts.ts';
import { resultsCsv } from './results-csv.ts';

const item = (over: Partial<ScoreReport['items'][number]>): ScoreReport['items'][number] => ({
  position: 0, itemId: '1.1-001', type: 'single', stem: 'A stem', domain: '1', task: '1.1', scored: true, correct: true, answered: true, explanation: null, references: [], ...over,
});

describe('resultsCsv', () => {
  it('writes one row per question with a header, quoting what needs quoting', () => {
    const report = { items: [item({}), item({ position: 1, itemId: '2.1-003', stem: 'Which "best" option,\nthen?', correct: false, scored: false, task: null })] } as unknown as ScoreReport;
    expect(resultsCsv(report)).toBe(
      'number,question_id,domain,task,scored,answered,correct,stem\r\n' +
        '1,1.1-001,1,1.1,true,true,true,A stem\r\n' +
        '2,2.1-003,1,,false,true,false,"Which ""best"" option, then?"\r\n',
    );
  });
  it('keeps a spreadsheet from reading a stem as a formula', () => {
    const report = { items: [item({ stem: '=HYPERLINK("x")' })] } as unknown as ScoreReport;
    expect(resultsCsv(report).split('\r\n')[1]).toBe(`1,1.1-001,1,1.1,true,true,true,"'=HYPERLINK(""x"")"`);
  });
});
