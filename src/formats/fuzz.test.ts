import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bankEntrySchema, type BankEntry } from '../core/items/item-schema.ts';
import { parseAiken } from './aiken/parse-aiken.ts';
import { writeAiken } from './aiken/write-aiken.ts';
import type { ParseResult } from './common/format-problem.ts';
import { parseCsv } from './csv/parse-csv.ts';
import { writeCsv } from './csv/write-csv.ts';
import { parseGift } from './gift/parse-gift.ts';
import { writeGift } from './gift/write-gift.ts';
import { parseMarkdown } from './markdown/parse-markdown.ts';
import { writeMarkdown } from './markdown/write-markdown.ts';
import { parseMoodle } from './moodle/parse-moodle.ts';
import { writeMoodle } from './moodle/write-moodle.ts';
import { parseQti } from './qti/parse-qti.ts';
import { writeQti } from './qti/write-qti.ts';
import { arbEntries } from './testing/arbitrary-entries.ts';

/**
 * Fuzzing: arbitrary input and mutations of valid files never crash an importer, and whatever it
 * accepts is a structurally valid bank entry.
 */
const TEXT_FORMATS: [string, (e: BankEntry[]) => { output: string }, (s: string) => ParseResult][] = [
  ['moodle', writeMoodle, (s) => parseMoodle(s)],
  ['gift', writeGift, (s) => parseGift(s)],
  ['aiken', writeAiken, (s) => parseAiken(s)],
  ['markdown', writeMarkdown, (s) => parseMarkdown(s)],
  ['csv', writeCsv, (s) => parseCsv(s)],
];

function expectSane(r: ParseResult): void {
  for (const e of r.entries) expect(bankEntrySchema.safeParse(e).success).toBe(true);
  for (const p of r.problems) {
    expect(typeof p.message).toBe('string');
    expect(['error', 'warning']).toContain(p.severity);
  }
}

/** A mutation of a text: delete, insert, duplicate a slice, or truncate. */
const mutation = fc.tuple(fc.constantFrom('delete', 'insert', 'duplicate', 'truncate'), fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 12, unit: 'binary' }));
function mutate(text: string, [kind, at, len, junk]: [string, number, number, string]): string {
  const i = text.length ? at % text.length : 0;
  if (kind === 'delete') return text.slice(0, i) + text.slice(i + len);
  if (kind === 'insert') return text.slice(0, i) + junk + text.slice(i);
  if (kind === 'duplicate') return text.slice(0, i + len) + text.slice(i, i + len) + text.slice(i + len);
  return text.slice(0, i);
}

describe('importers under fuzzing', () => {
  for (const [name, write, parse] of TEXT_FORMATS) {
    it(`${name}: arbitrary text never crashes`, () => {
      fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (s) => expectSane(parse(s))), { numRuns: 300, seed: 1 });
    });
    it(`${name}: mutated valid files never crash`, () => {
      fc.assert(fc.property(arbEntries({ maxLength: 3 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (entries, ms) => expectSane(parse(ms.reduce(mutate, write(entries).output)))), { numRuns: 200, seed: 2 });
    });
  }

  it('qti: arbitrary bytes never crash', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (b) => expectSane(parseQti(b))), { numRuns: 300, seed: 3 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (b) => expectSane(parseQti(new Uint8Array([0x50, 0x4b, 3, 4, ...b])))), { numRuns: 300, seed: 4 });
  });

  it('qti: packages with flipped bytes or mutated XML never crash', () => {
    fc.assert(
      fc.property(arbEntries({ maxLength: 3 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }), (entries, flips) => {
        const zip = writeQti(entries).output.slice();
        for (const [at, x] of flips) zip[at % zip.length]! ^= x;
        expectSane(parseQti(zip));
      }),
      { numRuns: 200, seed: 5 },
    );
    fc.assert(
      fc.property(arbEntries({ maxLength: 3 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.nat(), (entries, ms, pick) => {
        const files = unzipSync(writeQti(entries).output);
        const names = Object.keys(files);
        const name = names[pick % names.length]!;
        const text = new TextDecoder().decode(files[name]);
        files[name] = strToU8(ms.reduce(mutate, text));
        expectSane(parseQti(zipSync(files)));
      }),
      { numRuns: 200, seed: 6 },
    );
  });
});
