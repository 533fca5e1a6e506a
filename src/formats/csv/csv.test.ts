import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbEntries } from '../testing/arbitrary-entries.ts';
import { expectRoundTrip } from '../testing/round-trip.ts';
import { CSV_COLUMNS } from './csv-columns.ts';
import { parseCsv } from './parse-csv.ts';
import { projectCsv, writeCsv } from './write-csv.ts';

describe('CSV', () => {
  it('round-trips generated items of every type, case-study questions one row each', () => {
    fc.assert(fc.property(arbEntries(), (entries) => expectRoundTrip(entries, writeCsv, (o) => parseCsv(o), projectCsv)), { numRuns: 150, seed: 42 });
  });

  it('writes the documented header and one row per question', () => {
    const [entries] = fc.sample(arbEntries({ types: ['case', 'single', 'ordering'], maxLength: 3 }), { numRuns: 1, seed: 11 });
    const out = writeCsv(entries!).output;
    expect(out.split('\n')[0]).toBe(CSV_COLUMNS.join(','));
    const rows = parseCsv(out);
    expect(rows.entries.map((e) => e.id)).toEqual(entries!.map((e) => e.id));
  });

  it('reports a ragged row and a broken quote with their lines, keeping the good rows', () => {
    const header = 'id,type,stem,key,choice_1,choice_2,choice_3,choice_4';
    const r = parseCsv(`${header}\nq1,single,Pick,a,w,x,y,z\nq2,single,Pick,a,w,x\n`);
    expect(r.entries.map((e) => e.id)).toEqual(['q1']);
    expect(r.problems).toContainEqual(expect.objectContaining({ severity: 'error', itemId: 'q2', line: 3, message: 'row has 6 cells, the header 8' }));
    const broken = parseCsv(`${header}\nq1,single,"Pick"x,a,w,x,y,z\n`);
    expect(broken.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'syntax', line: 2 })]);
    expect(parseCsv('a,b\n1,2\n').problems).toContainEqual(expect.objectContaining({ severity: 'error', message: 'header has no "id" column (see docs/INTERCHANGE.md)' }));
  });
});
