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
 *
 * A small RFC 4180 scanner rather than a general CSV library: data cells are decoded straight into
 * bytes without creating a string per cell, so 100,000 persons x 1,000 items stay within memory.
 */
export function readResponsesCsv(text: string, file = 'responses.csv'): ResponseMatrix {
  const scan = new Scanner(text, file);
  const headerLine = scan.skipBlankLines();
  if (scan.done()) throw new ResponsesCsvError(file, 1, 1, 'the file is empty: expected a header of item ids');
  const header: string[] = [];
  do header.push(scan.cellString().trim());
  while (scan.nextCell());
  const seen = new Set<string>();
  let freqCol = -1;
  header.forEach((name, c) => {
    if (name === '') throw new ResponsesCsvError(file, headerLine, c + 1, 'empty column name in the header');
    if (seen.has(name)) throw new ResponsesCsvError(file, headerLine, c + 1, `duplicate column "${name}"`);
    seen.add(name);
    if (name.toLowerCase() === FREQ) freqCol = c;
  });
  const nCols = header.length;
  const nItems = nCols - (freqCol >= 0 ? 1 : 0);
  if (nItems === 0) throw new ResponsesCsvError(file, headerLine, 1, 'no item columns in the header');
  let codes = new Uint8Array(1024 * nItems);
  const weights: number[] = [];
  for (;;) {
    const line = scan.skipBlankLines();
    if (scan.done()) break;
    const r = weights.length;
    if ((r + 1) * nItems > codes.length) {
      const grown = new Uint8Array(codes.length * 2);
      grown.set(codes);
      codes = grown;
    }
    let c = 0;
    let k = 0;
    let w = 1;
    let more = true;
    while (more) {
      if (c >= nCols) throw new ResponsesCsvError(file, line, c + 1, `more cells than the ${nCols} columns of the header`);
      if (c === freqCol) {
        const f = scan.cellString().trim();
        w = Number(f);
        if (f === '' || !Number.isFinite(w) || w < 0) throw new ResponsesCsvError(file, line, c + 1, `column "${header[c]}": expected a count >= 0, got "${f}"`);
      } else {
        const code = scan.cellCode();
        if (code < 0) throw new ResponsesCsvError(file, line, c + 1, `column "${header[c]}": expected 1, 0 or empty, got "${scan.lastCell()}"`);
        codes[r * nItems + k++] = code;
      }
      c++;
      more = scan.nextCell();
    }
    if (c !== nCols) throw new ResponsesCsvError(file, line, c + 1, `${c} cells, but the header has ${nCols} columns`);
    weights.push(w);
  }
  const itemIds = header.filter((_, c) => c !== freqCol);
  return responseMatrixFromDense(itemIds, codes.subarray(0, weights.length * nItems), weights);
}

/** True for a char code that ends a cell: end of text (NaN), comma, LF or CR. */
function endsCell(c: number): boolean {
  return c !== c || c === 44 || c === 10 || c === 13;
}

/** Cursor over CSV text: cells separated by commas, records by CR/LF, fields optionally quoted. */
class Scanner {
  private i = 0;
  private line = 1;
  private cellStart = 0;
  private cellEnd = 0;
  /** 1-based column (cell index) of the cell under the cursor, for error messages. */
  private col = 1;
  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    if (text.charCodeAt(0) === 0xfeff) this.i = 1;
  }

  done(): boolean {
    return this.i >= this.text.length;
  }

  /** Skips empty lines; returns the line number of the record that starts here. */
  skipBlankLines(): number {
    for (;;) {
      const ch = this.text.charCodeAt(this.i);
      if (ch === 13 && this.text.charCodeAt(this.i + 1) === 10) this.i++;
      if (ch !== 10 && ch !== 13) return this.line;
      this.i++;
      this.line++;
    }
  }

  /** After a cell: true if another cell follows on this record (a comma), false at end of record. */
  nextCell(): boolean {
    const ch = this.text.charCodeAt(this.i);
    if (ch === 44) {
      this.i++;
      this.col++;
      return true;
    }
    this.col = 1;
    if (ch === 13) this.i++;
    if (this.text.charCodeAt(this.i) === 10) this.i++;
    this.line++;
    return false;
  }

  /** Reads one cell as a string (quotes removed, "" unescaped). */
  cellString(): string {
    const t = this.text;
    if (t.charCodeAt(this.i) !== 34) {
      this.cellStart = this.i;
      while (this.i < t.length) {
        const ch = t.charCodeAt(this.i);
        if (ch === 44 || ch === 10 || ch === 13) break;
        if (ch === 34) throw new ResponsesCsvError(this.file, this.line, this.col, 'not valid CSV: a quote inside an unquoted cell');
        this.i++;
      }
      this.cellEnd = this.i;
      return t.slice(this.cellStart, this.cellEnd);
    }
    const startLine = this.line;
    let out = '';
    this.i++;
    for (;;) {
      if (this.i >= t.length) throw new ResponsesCsvError(this.file, startLine, this.col, 'not valid CSV: a quoted cell is never closed');
      const ch = t.charCodeAt(this.i);
      if (ch === 34) {
        if (t.charCodeAt(this.i + 1) === 34) {
          out += '"';
          this.i += 2;
          continue;
        }
        this.i++;
        break;
      }
      if (ch === 10) this.line++;
      out += t[this.i];
      this.i++;
    }
    const after = t.charCodeAt(this.i);
    if (this.i < t.length && after !== 44 && after !== 10 && after !== 13) throw new ResponsesCsvError(this.file, this.line, this.col, 'not valid CSV: text after a closing quote');
    this.lastQuoted = out;
    return out;
  }

  private lastQuoted: string | null = null;

  /** Reads one response cell as a code: 1, 0, MISSING for empty or NA, or -1 when it is anything else. */
  cellCode(): number {
    const t = this.text;
    const ch = t.charCodeAt(this.i);
    const next = t.charCodeAt(this.i + 1);
    this.lastQuoted = null;
    this.cellStart = this.i;
    if ((ch === 49 || ch === 48) && endsCell(next)) {
      this.i++;
      this.cellEnd = this.i;
      return ch - 48;
    }
    if (endsCell(ch)) {
      this.cellEnd = this.i;
      return MISSING;
    }
    const s = this.cellString().trim();
    return s === '1' ? 1 : s === '0' ? 0 : s === '' || s === 'NA' ? MISSING : -1;
  }

  /** The text of the last cell read, for error messages. */
  lastCell(): string {
    return this.lastQuoted ?? this.text.slice(this.cellStart, this.cellEnd);
  }
}
