import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbEntries } from '../testing/arbitrary-entries.ts';
import { expectRoundTrip } from '../testing/round-trip.ts';
import { giftEscape, giftUnescape } from './gift-escape.ts';
import { parseGift } from './parse-gift.ts';
import { projectGift, writeGift } from './write-gift.ts';

describe('GIFT', () => {
  it('escapes and unescapes every special character', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      expect(giftUnescape(giftEscape(s.replace(/\r/g, '')))).toBe(s.replace(/\r/g, ''));
    }), { seed: 1 });
    expect(giftEscape('a~b=c#d{e}f:g\\h\ni')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni');
  });

  it('round-trips generated items (ordering skipped with a report)', () => {
    fc.assert(fc.property(arbEntries(), (entries) => expectRoundTrip(entries, writeGift, (o) => parseGift(o), projectGift)), { numRuns: 150, seed: 42 });
  });

  it('reads the examples of the Moodle documentation', () => {
    const text = `// comment line
$CATEGORY: $course$/top/Examples

::Grant::Who's buried in Grant's tomb?{~Grant ~Jefferson =no one ~Lincoln}

::Colours::Which are primary colours? {
  ~%50%red#Yes
  ~%50%blue#Yes
  ~%-100%green#No
  ~%-100%orange
  ~%-100%purple
  ####Red, yellow and blue.
}

::Capitals::Match the countries with their capitals.{=Canada -> Ottawa =Italy -> Rome =Japan -> Tokyo =India -> New Delhi}

Grant is buried in Grant's tomb.{FALSE}

Two plus two equals {=four =4}.

When was Ulysses S. Grant born?{#1822:5}

Grant is {~buried =entombed ~living ~dead} in Grant's tomb.

Which? {~a =b
  ~c ~d
`;
    const r = parseGift(text);
    expect(r.seen).toEqual(['grant', 'colours', 'capitals', 'gift-4', 'gift-5', 'gift-6', 'gift-7', 'gift-8']);
    expect(r.entries.map((e) => e.type)).toEqual(['single', 'multiple', 'matching', 'single', 'single']);
    // True/false: a two-option multiple choice, for practice (never a mock: not the exam's shape).
    expect(r.entries[3]).toMatchObject({ id: 'gift-4', options: [{ text: 'True', correct: false }, { text: 'False', correct: true }] });
    expect(r.problems).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'option-count', itemId: 'gift-4' }));
    expect(r.entries[4]).toMatchObject({ stem: "Grant is _____ in Grant's tomb." });
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'lossy', itemId: 'gift-7', message: 'dropped: missing-word layout' }));
    const colours = r.entries[1]!;
    if (colours.type !== 'multiple') throw new Error('type');
    expect(colours).toMatchObject({ select: 2, explanation: 'Red, yellow and blue.' });
    expect(colours.options.map((o) => [o.text, o.correct, o.why])).toEqual([
      ['red', true, 'Yes'],
      ['blue', true, 'Yes'],
      ['green', false, 'No'],
      ['orange', false, undefined],
      ['purple', false, undefined],
    ]);
    const skipped = r.problems.filter((p) => p.code === 'skipped').map((p) => p.message);
    expect(skipped).toEqual(['GIFT short-answer questions have no certprep equivalent', 'GIFT numerical questions have no certprep equivalent']);
    expect(r.problems).toContainEqual(expect.objectContaining({ severity: 'error', code: 'syntax', itemId: 'gift-8', line: 25, column: 8, message: 'answer section opened with "{" is never closed' }));
  });

  it('reports a second answer section and an unclosed name with their positions', () => {
    expect(parseGift('Q {=a ~b ~c ~d} and {').problems).toEqual([expect.objectContaining({ severity: 'error', line: 1, column: 21, message: expect.stringContaining('second "{"') })]);
    const r = parseGift('\n\n::oops Which?{=a ~b ~c ~d}');
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'error', line: 3, column: 1, message: 'question name opened with "::" is never closed' })]);
  });
});
