import { describe, expect, it } from 'vitest';
import { mulberry32, simulateResponses } from '../core/measure/simulate-responses.ts';
import { readResponsesCsv, ResponsesCsvError } from './read-responses-csv.ts';

describe('readResponsesCsv', () => {
  it('reads items, empty and NA as not answered, and a freq column as weights', () => {
    const m = readResponsesCsv('"q1","q2",freq\n1,0,3\n,1,1\nNA,0,2\n', 'r.csv');
    expect(m.itemIds).toEqual(['q1', 'q2']);
    expect([...m.weights]).toEqual([3, 1, 2]);
    expect([...m.rowStart]).toEqual([0, 2, 3, 4]);
    expect([...m.items]).toEqual([0, 1, 1, 1]);
    expect([...m.scores]).toEqual([1, 0, 1, 0]);
  });

  it('gives every row weight 1 without freq, and skips blank lines', () => {
    const m = readResponsesCsv('a,b\r\n1,0\r\n\r\n0,1\r\n');
    expect([...m.weights]).toEqual([1, 1]);
  });

  it('handles quoted cells, escaped quotes, CRLF and a byte-order mark', () => {
    const m = readResponsesCsv('\ufeff"it ""a""","b,c"\r\n"1",0\r\n" 0 ",\r\n', 'q.csv');
    expect(m.itemIds).toEqual(['it "a"', 'b,c']);
    expect([...m.scores]).toEqual([1, 0, 0]);
    expect([...m.rowStart]).toEqual([0, 2, 3]);
  });

  it('round-trips simulated sparse data written as CSV', () => {
    const m = simulateResponses(Array.from({ length: 40 }, () => ({ a: 1, d: 0 })), 500, mulberry32(4), { answeredPerPerson: 12 }).data;
    const lines = [m.itemIds.join(',')];
    for (let r = 0; r < 500; r++) {
      const cells = Array<string>(40).fill('');
      for (let k = m.rowStart[r]!; k < m.rowStart[r + 1]!; k++) cells[m.items[k]!] = String(m.scores[k]);
      lines.push(cells.join(','));
    }
    const back = readResponsesCsv(lines.join('\n'));
    expect(back.itemIds).toEqual(m.itemIds);
    expect([...back.rowStart]).toEqual([...m.rowStart]);
    expect([...back.items]).toEqual([...m.items]);
    expect([...back.scores]).toEqual([...m.scores]);
  });

  it('names file, line and column for bad cells, short rows, bad counts and bad headers', () => {
    const bad = (text: string) => {
      try {
        readResponsesCsv(text, 'x.csv');
      } catch (e) {
        expect(e).toBeInstanceOf(ResponsesCsvError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(bad('a,b\n1,0\n1,yes\n')).toBe('x.csv:3:2: column "b": expected 1, 0 or empty, got "yes"');
    expect(bad('a,b\n1,0\n\n1\n')).toBe('x.csv:4:2: 1 cells, but the header has 2 columns');
    expect(bad('a,b\n1,0,1\n')).toBe('x.csv:2:3: more cells than the 2 columns of the header');
    expect(bad('a,freq\n1,-2\n')).toBe('x.csv:2:2: column "freq": expected a count >= 0, got "-2"');
    expect(bad('a,a\n1,0\n')).toBe('x.csv:1:2: duplicate column "a"');
    expect(bad('freq\n1\n')).toBe('x.csv:1:1: no item columns in the header');
    expect(bad('')).toBe('x.csv:1:1: the file is empty: expected a header of item ids');
    expect(bad('a,b\n"1,0\n')).toBe('x.csv:2:1: not valid CSV: a quoted cell is never closed');
    expect(bad('a,b\n1,0"\n')).toBe('x.csv:2:2: not valid CSV: a quote inside an unquoted cell');
    expect(bad('a,b\n1,"0"x\n')).toBe('x.csv:2:2: not valid CSV: text after a closing quote');
  });
});
