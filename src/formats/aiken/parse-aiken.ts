import { finishParse, type Candidate } from '../common/finish-parse.ts';
import type { FormatProblem, ParseOptions, ParseResult } from '../common/format-problem.ts';
import { letterId } from '../common/item-parts.ts';
import { DEFAULT_LIMITS, type ImportLimits } from '../common/limits.ts';
import { stableId } from '../common/stable-id.ts';

export interface AikenParseOptions extends ParseOptions {
  limits?: ImportLimits;
}

// "A. text", "A) text", and "A)text" as some exports write it.
const OPTION = /^([A-Z])[.)]\s*(\S.*)$/;
const ANSWER = /^ANSWER:\s*(\S*)\s*$/;

/**
 * Reads Aiken (Moodle's simplest format): a question line, options `A.` or `A)`, then
 * `ANSWER: X`. Ids are derived from the stem (`aiken-<hash>`), stable across imports.
 * A question without its ANSWER line, or whose answer names no option, is an error at its line.
 */
export function parseAiken(input: string, options: AikenParseOptions = {}): ParseResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (input.length > limits.maxFileBytes) return { entries: [], seen: [], problems: [{ severity: 'error', code: 'limit', message: `file is larger than the limit of ${limits.maxFileBytes} bytes (--max-file-mb)` }] };
  const candidates: Candidate[] = [];
  const taken = new Set<string>();
  let cur: { stem: string[]; line: number; options: { letter: string; text: string; line: number }[] } | undefined;
  const fileProblems: FormatProblem[] = [];
  const close = (problem?: FormatProblem, answer?: { letter: string; line: number; column: number }) => {
    if (!cur) return;
    const stem = cur.stem.join(' ').trim();
    const id = stableId('aiken', stem, taken);
    const at = { line: cur.line, column: 1 };
    const problems: FormatProblem[] = [];
    if (problem) problems.push({ ...problem, itemId: id });
    if (answer && !cur.options.some((o) => o.letter === answer.letter)) {
      problems.push({ severity: 'error', code: 'syntax', message: `ANSWER: ${answer.letter || '(empty)'} names no option of this question`, line: answer.line, column: answer.column, itemId: id });
    }
    const value = {
      id,
      type: 'single',
      stem,
      options: cur.options.map((o, i) => ({ id: letterId(i), text: o.text.trim(), correct: o.letter === answer?.letter })),
    };
    const optLines = cur.options.map((o) => o.line);
    candidates.push({
      value,
      id,
      locate: (p) => (p[0] === 'options' && typeof p[1] === 'number' && optLines[p[1]] ? { line: optLines[p[1]]!, column: 1 } : at),
      problems,
      skipped: problems.some((p) => p.severity === 'error'),
    });
    cur = undefined;
  };
  const lines = input.replace(/^\uFEFF/, '').split(/\r?\n/);
  let skipping = false;
  let afterBlank = false;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const n = i + 1;
    if (candidates.length > limits.maxEntries) return;
    if (!line) {
      afterBlank = true;
      return;
    }
    const blankBefore = afterBlank;
    afterBlank = false;
    const answer = ANSWER.exec(line);
    if (answer && skipping) {
      skipping = false;
      return;
    }
    if (answer) {
      if (!cur) fileProblems.push({ severity: 'error', code: 'syntax', message: 'ANSWER line without a question above it', line: n, column: 1 });
      else close(undefined, { letter: answer[1]!.toUpperCase(), line: n, column: answer[1] ? raw.indexOf(answer[1], raw.indexOf(':')) + 1 : raw.indexOf(':') + 2 });
      return;
    }
    const option = OPTION.exec(line);
    if (option && cur) {
      cur.options.push({ letter: option[1]!, text: option[2]!, line: n });
      return;
    }
    if (skipping) return;
    if (cur && cur.options.length > 0) {
      if (blankBefore) {
        // After a blank line: the next question starts, and this one never had its ANSWER.
        close({ severity: 'error', code: 'syntax', message: 'question has no "ANSWER: X" line after its options', line: n, column: 1 });
      } else {
        // A line that is not an option, among the options: this question is broken. Its remaining
        // lines, up to its ANSWER, are not glued into a next question (which would import wrongly).
        close({ severity: 'error', code: 'syntax', message: `"${line.slice(0, 40)}" is not an option ("A. text"), yet comes among this question's options`, line: n, column: 1 });
        skipping = true;
        return;
      }
    }
    if (cur) cur.stem.push(line);
    else cur = { stem: [line], line: n, options: [] };
  });
  if (cur) close({ severity: 'error', code: 'syntax', message: 'question has no "ANSWER: X" line after its options', line: lines.length, column: 1 });
  if (candidates.length > limits.maxEntries) return { entries: [], seen: [], problems: [{ severity: 'error', code: 'limit', message: `file has more than ${limits.maxEntries} questions (--max-entries)` }] };
  return finishParse(candidates, fileProblems, options);
}
