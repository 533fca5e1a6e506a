import type { ExamIndex } from '../core/exam/exam-schema.ts';
import { checkBank, type Problem } from '../core/items/check-bank.ts';
import type { BankEntry } from '../core/items/item-schema.ts';
import { lintBank } from '../core/items/lint-bank.ts';
import { parseContentFile } from '../formats/yaml/parse-yaml-entries.ts';

export const DRAFT_FILE = 'draft.yaml';

/**
 * Checks an item being written in the app exactly as `certprep validate` and `certprep lint` check a
 * content file (the same parser, schema, bank rules and messages, at `draft.yaml:line:col`): one entry
 * (an item or a case study) per draft; the linter runs beside the rest of the bank, so a stem that
 * near-duplicates another item is found, and only the draft's own findings are kept.
 */
export function checkDraft(yaml: string, exams: ExamIndex[], bank: readonly BankEntry[]): { entry: BankEntry | undefined; problems: Problem[] } {
  const parsed = parseContentFile(yaml, DRAFT_FILE);
  const problems = [...parsed.problems];
  if (parsed.entries.length !== 1) {
    problems.push({ severity: 'error', code: 'draft-count', message: `a draft holds exactly one item under "items:"; this one has ${parsed.entries.length}`, file: DRAFT_FILE, line: 1, column: 1 });
    return { entry: undefined, problems };
  }
  const checked = checkBank(parsed.entries, exams);
  problems.push(...checked.problems);
  const entry = checked.entries[0];
  if (!entry || problems.some((p) => p.severity === 'error')) return { entry: undefined, problems };
  const others = bank.filter((b) => b.id !== entry.id).map((b) => ({ entry: b, file: 'bank', locate: () => ({ line: 1, column: 1 }) }));
  // The draft comes last: a duplicate is reported on the later of two stems.
  const lint = lintBank([...others, { entry, file: DRAFT_FILE, locate: parsed.entries[0]!.locate }], exams, { wholeBank: false, bankPath: 'bank' });
  problems.push(...lint.problems.filter((p) => p.file === DRAFT_FILE));
  return { entry, problems };
}
