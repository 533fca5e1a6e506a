import { parse } from 'csv-parse/sync';
import { MISSING, responseMatrixFromDense, type ResponseMatrix } from '../core/measure/response-matrix.ts';

/** A problem in a responses file, located as file:line:column. */
export class ResponsesCsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
    this.name = 'ResponsesCsvError';
  }
}

const FREQ = 'freq';

/**
 * Reads a responses CSV: a header of item ids, then one row per person (or per response pattern,
 * with a `freq` column counting identical persons). Cells are 1 (right), 0 (wrong), or empty / NA
 * (not presented or not answered). Every problem names the line and column.
 */
export function readResponsesCsv(text: string, file = 'responses.csv'): ResponseMatrix {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    throw new ResponsesCsvError(file, err.lines ?? 1, 1, `not valid CSV: ${err.message ?? String(e)}`);
  }
  if (records.length === 0) throw new ResponsesCsvError(file, 1, 1, 'the file is empty: expected a header of item ids');
  const header = records[0]!.record;
  const headerLine = records[0]!.info.lines;
  const seen = new Set<string>();
  let freqCol = -1;
  header.forEach((name, c) => {
    if (name === '') throw new ResponsesCsvError(file, headerLine, c + 1, 'empty column name in the header');
    if (seen.has(name)) throw new ResponsesCsvError(file, headerLine, c + 1, `duplicate column "${name}"`);
    seen.add(name);
    if (name.toLowerCase() === FREQ) freqCol = c;
  });
  const itemCols = header.map((_, c) => c).filter((c) => c !== freqCol);
  if (itemCols.length === 0) throw new ResponsesCsvError(file, headerLine, 1, 'no item columns in the header');
  const nItems = itemCols.length;
  const rows = records.length - 1;
  const codes = new Uint8Array(rows * nItems);
  const weights = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const { record, info } = records[r + 1]!;
    if (record.length !== header.length) {
      throw new ResponsesCsvError(file, info.lines, Math.min(record.length, header.length) + 1, `${record.length} cells, but the header has ${header.length} columns`);
    }
    for (let k = 0; k < nItems; k++) {
      const c = itemCols[k]!;
      const v = record[c]!;
      let code: number;
      if (v === '1') code = 1;
      else if (v === '0') code = 0;
      else if (v === '' || v === 'NA') code = MISSING;
      else throw new ResponsesCsvError(file, info.lines, c + 1, `column "${header[c]}": expected 1, 0 or empty, got "${v}"`);
      codes[r * nItems + k] = code;
    }
    if (freqCol >= 0) {
      const f = record[freqCol]!;
      const w = Number(f);
      if (f === '' || !Number.isFinite(w) || w < 0) throw new ResponsesCsvError(file, info.lines, freqCol + 1, `column "${header[freqCol]}": expected a count >= 0, got "${f}"`);
      weights[r] = w;
    } else weights[r] = 1;
  }
  return responseMatrixFromDense(itemCols.map((c) => header[c]!), codes, weights);
}
