import type { BankEntry } from '../../core/items/item-schema.ts';
import { parseAiken } from '../aiken/parse-aiken.ts';
import { writeAiken } from '../aiken/write-aiken.ts';
import type { ParseOptions, ParseResult, WriteResult } from '../common/format-problem.ts';
import { decodeText } from '../common/decode-text.ts';
import type { ImportLimits } from '../common/limits.ts';
import { parseCsv } from '../csv/parse-csv.ts';
import { writeCsv } from '../csv/write-csv.ts';
import { parseGift } from '../gift/parse-gift.ts';
import { writeGift } from '../gift/write-gift.ts';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import { writeMarkdown } from '../markdown/write-markdown.ts';
import { parseMoodle } from '../moodle/parse-moodle.ts';
import { writeMoodle } from '../moodle/write-moodle.ts';
import { parseQti } from '../qti/parse-qti.ts';
import { writeQti } from '../qti/write-qti.ts';
import { writeYaml } from '../yaml/write-yaml.ts';

export const IMPORT_FORMATS = ['qti', 'moodle', 'gift', 'aiken', 'markdown', 'csv'] as const;
export const EXPORT_FORMATS = [...IMPORT_FORMATS, 'yaml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Parses the bytes of a file in one of the import formats (text formats decoded by `decodeText`). */
export function parseFormat(format: ImportFormat, input: Uint8Array, options: ParseOptions & { limits?: ImportLimits }): ParseResult {
  if (format === 'qti') return parseQti(input, options);
  const decoded = decodeText(input);
  if ('problem' in decoded) return { entries: [], seen: [], problems: [decoded.problem] };
  const text = decoded.text;
  switch (format) {
    case 'moodle':
      return parseMoodle(text, options);
    case 'gift':
      return parseGift(text, options);
    case 'aiken':
      return parseAiken(text, options);
    case 'markdown':
      return parseMarkdown(text, options);
    case 'csv':
      return parseCsv(text, options);
  }
}

/** Writes entries in one of the export formats: bytes for QTI packages, text otherwise. */
export function writeFormat(format: ExportFormat, entries: BankEntry[]): WriteResult<Uint8Array | string> {
  switch (format) {
    case 'qti':
      return writeQti(entries);
    case 'moodle':
      return writeMoodle(entries);
    case 'gift':
      return writeGift(entries);
    case 'aiken':
      return writeAiken(entries);
    case 'markdown':
      return writeMarkdown(entries);
    case 'csv':
      return writeCsv(entries);
    case 'yaml':
      return writeYaml(entries);
  }
}
