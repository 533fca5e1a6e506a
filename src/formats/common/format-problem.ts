import type { BankEntry } from '../../core/items/item-schema.ts';
import type { ExamIndex } from '../../core/exam/exam-schema.ts';

/**
 * A problem met while reading or writing a foreign format. `line`/`column` (1-based) locate it in a
 * text file; `path` names the file inside a package and, for XML, the element path.
 * `itemId` names the item it concerns (a provisional id such as `gift-3` when the item has none).
 */
export interface FormatProblem {
  severity: 'error' | 'warning';
  /** Stable code: `syntax`, `schema`, `lossy`, `skipped`, `limit`, or one of checkBank's codes. */
  code: string;
  message: string;
  line?: number;
  column?: number;
  path?: string;
  itemId?: string;
}

/** Options every parser takes. */
export interface ParseOptions {
  /** Exam definitions to check task statements, bullets and modules against; without them those checks are skipped. */
  exams?: ExamIndex[];
  /** Name of the input, used in messages. */
  file?: string;
}

export interface ParseResult {
  /** Entries that passed the structural checks (bank-rule errors make an entry rejected, see `problems`). */
  entries: BankEntry[];
  problems: FormatProblem[];
  /** Ids of every item met in the input, in order, whatever became of it (imported, rejected, skipped). */
  seen: string[];
}

export interface WriteResult<T> {
  output: T;
  /** `lossy` warnings (fields the format cannot carry) and `skipped` warnings (items it cannot express), per item. */
  problems: FormatProblem[];
}

/** Formats a problem for a terminal: `file:line:col severity message [item]`. */
export function formatFormatProblem(p: FormatProblem, file = ''): string {
  const where = [p.path ?? file, p.line, p.column].filter((x) => x !== undefined && x !== '').join(':');
  return `${where ? where + ' ' : ''}${p.severity} ${p.message}${p.itemId ? ` [${p.itemId}]` : ''}`;
}
