import type { ExamIndex } from '../exam/exam-schema.ts';
import type { Problem } from './check-bank.ts';
import { absoluteClaimRule } from './lint/absolute-claim-rule.ts';
import { coverageRule } from './lint/coverage-rule.ts';
import { lifecycleRule } from './lint/lifecycle-rule.ts';
import { stemEchoRule } from './lint/stem-echo-rule.ts';
import { DEFAULT_DUPLICATE_STEMS, duplicateStemsRule, type DuplicateStemOptions } from './lint/duplicate-stems-rule.ts';
import { DEFAULT_KEY_BALANCE, keyBalanceRule, type KeyBalanceOptions, type KeyBalanceStats } from './lint/key-balance-rule.ts';
import { lintQuestions, type LintEntry, type Location } from './lint/lint-context.ts';
import { ABSOLUTE_WORDS, optionWordingRule } from './lint/option-wording-rule.ts';
import { outOfScopeRule } from './lint/out-of-scope-rule.ts';
import { referenceRule } from './lint/reference-rule.ts';
import { selectCountRule } from './lint/select-count-rule.ts';

export type { LintEntry } from './lint/lint-context.ts';

export interface LintOptions {
  /** The whole bank is being linted (a folder), so bank-wide coverage can be judged. */
  wholeBank: boolean;
  /** Where findings about the bank as a whole are reported (the linted path). */
  bankPath: string;
  /** Locates a bullet in its exam definition; by default findings point at `bankPath`. */
  locateBullet?: (examId: string, bulletId: string) => ({ file: string } & Location) | undefined;
  keyBalance?: Partial<KeyBalanceOptions>;
  duplicateStems?: Partial<DuplicateStemOptions>;
  absoluteWords?: readonly string[];
}

export interface LintStats {
  entries: number;
  questions: number;
  keyBalance: KeyBalanceStats;
}

export interface LintResult {
  problems: Problem[];
  stats: LintStats;
}

/**
 * Lints a bank that passed the schema: the item-writing rules `checkBank` does not cover (stem
 * select counts, answer-key cues, option wording, duplicate stems, references, out-of-scope
 * services) and, over the whole bank, coverage of every knowledge and skills bullet.
 * Pure: the caller loads the files and passes each entry with its locator.
 */
export function lintBank(entries: LintEntry[], exams: ExamIndex[], options: LintOptions): LintResult {
  const questions = lintQuestions(entries);
  const bankProblem = (code: string, message: string): Problem => ({ severity: 'warning', code, message, file: options.bankPath, line: 1, column: 1 });
  const keyBalance = keyBalanceRule(questions, bankProblem, { ...DEFAULT_KEY_BALANCE, ...options.keyBalance });

  const problems: Problem[] = [
    ...selectCountRule(questions),
    ...keyBalance.problems,
    ...optionWordingRule(questions, options.absoluteWords ?? ABSOLUTE_WORDS),
    ...duplicateStemsRule(questions, { ...DEFAULT_DUPLICATE_STEMS, ...options.duplicateStems }),
    ...referenceRule(questions),
    ...outOfScopeRule(entries, exams),
    ...stemEchoRule(questions),
    ...absoluteClaimRule(questions),
    ...lifecycleRule(questions, exams),
  ];
  if (options.wholeBank) {
    problems.push(
      ...coverageRule(
        questions,
        exams,
        (exam, bullet, code, message) => {
          const at = options.locateBullet?.(exam.exam.id, bullet) ?? { file: options.bankPath, line: 1, column: 1 };
          return { severity: exam.exam.coverage.severity, code, message, file: at.file, line: at.line, column: at.column };
        },
      ),
    );
  }
  return { problems: sortProblems(problems), stats: { entries: entries.length, questions: questions.length, keyBalance: keyBalance.stats } };
}

/**
 * Merges problem lists (validate's and lint's), dropping a later problem with the same file,
 * position and code as an earlier one (both check reference hosts and languages), sorted by place.
 */
export function mergeProblems(...lists: Problem[][]): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const p of lists.flat()) {
    const key = `${p.file}\0${p.line}\0${p.column}\0${p.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return sortProblems(out);
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
}
