import { expect } from 'vitest';
import type { BankEntry } from '../../core/items/item-schema.ts';
import type { ParseResult, WriteResult } from '../common/format-problem.ts';
import { normalizeEntry } from '../common/lost-fields.ts';

/**
 * The round-trip property of a format: export then import gives back exactly what the format's
 * projection says it carries, with no errors; and every item the export did not report as lossy
 * or skipped comes back equal to the original in every field.
 */
export function expectRoundTrip<T>(entries: BankEntry[], write: (e: BankEntry[]) => WriteResult<T>, parse: (o: T) => ParseResult, project: (e: BankEntry[]) => (BankEntry | null)[]): void {
  const written = write(entries);
  const back = parse(written.output);
  expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const expected = project(entries).filter((e): e is BankEntry => e !== null);
  expect(back.entries.map(normalizeEntry)).toEqual(expected.map(normalizeEntry));
  const reported = new Set(written.problems.map((p) => p.itemId));
  const byId = new Map(back.entries.map((e) => [e.id, e]));
  for (const e of entries) {
    if (reported.has(e.id)) continue;
    expect(normalizeEntry(byId.get(e.id))).toEqual(normalizeEntry(e));
  }
  // Skipped items are reported, never silently dropped.
  expect(written.problems.filter((p) => p.code === 'skipped').length).toBe(entries.length - expected.length);
}
