import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbEntries } from '../testing/arbitrary-entries.ts';
import { expectRoundTrip } from '../testing/round-trip.ts';
import { parseAiken } from './parse-aiken.ts';
import { projectAiken, writeAiken } from './write-aiken.ts';

describe('Aiken', () => {
  it('round-trips generated single-answer items; every other type is skipped with a report', () => {
    fc.assert(fc.property(arbEntries(), (entries) => expectRoundTrip(entries, writeAiken, (o) => parseAiken(o), projectAiken)), { numRuns: 150, seed: 42 });
  });

  it('reports each lost field of an exported item', () => {
    const [entries] = fc.sample(arbEntries({ types: ['single'], maxLength: 1 }), { numRuns: 1, seed: 9 });
    const { problems } = writeAiken(entries!);
    expect(problems).toEqual([expect.objectContaining({ code: 'lossy', itemId: entries![0]!.id, message: expect.stringMatching(/^Aiken cannot carry: id\b/) })]);
  });

  it('reads the documented example, with ) after letters, and derives stable ids', () => {
    const text = 'What is the correct answer to this question?\nA. Is it this one?\nB. Maybe this answer?\nC. Possibly this one?\nD. Must be this one!\nANSWER: D\n\nWhich LMS has the most quiz import formats?\nA) Moodle\nB) ATutor\nC) Claroline\nD) Blackboard\nANSWER: A\n';
    const a = parseAiken(text);
    const b = parseAiken(text);
    expect(a.entries.map((e) => e.id)).toEqual(b.entries.map((e) => e.id));
    expect(a.entries[1]).toMatchObject({ type: 'single', stem: 'Which LMS has the most quiz import formats?', options: [{ id: 'a', text: 'Moodle', correct: true }, { id: 'b' }, { id: 'c' }, { id: 'd' }] });
    expect(a.entries[0]!.id).toMatch(/^aiken-[0-9a-f]{8}$/);
  });

  it('reports a missing ANSWER line and an answer naming no option, with line and column', () => {
    const r = parseAiken('Q1?\nA. a\nB. b\nC. c\nD. d\n\nQ2?\nA. a\nB. b\nC. c\nD. d\nANSWER: F\n');
    expect(r.entries).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: 'error', line: 7, column: 1, message: 'question has no "ANSWER: X" line after its options' }),
      expect.objectContaining({ severity: 'error', line: 12, column: 9, message: 'ANSWER: F names no option of this question' }),
    ]);
    expect(parseAiken('ANSWER: A').problems[0]).toMatchObject({ severity: 'error', line: 1, message: 'ANSWER line without a question above it' });
  });

  it('takes a five-option question for practice, saying it is not the exam\'s shape', () => {
    const r = parseAiken('Q?\nA. a\nB. b\nC. c\nD. d\nE. e\nANSWER: A\n');
    expect(r.entries).toHaveLength(1);
    expect(r.entries[0]).toMatchObject({ type: 'single', options: [{ id: 'a', correct: true }, {}, {}, {}, {}] });
    expect(r.problems).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'option-count', message: 'a multiple-choice item has exactly 4 options, found 5: it serves practice, never a mock', line: 1 }));
  });
});
