import type { PathSegment, Problem, Severity } from '../check-bank.ts';
import { entryExams } from '../exam-tags.ts';
import type { BankEntry, Question } from '../item-schema.ts';

/** Line and column (1-based) of a path inside an entry's source. */
export type Location = { line: number; column: number };

/**
 * One bank entry that passed the schema, with the file it came from and a way to locate any path
 * inside it (the `RawEntry.locate` of the parser), so every lint message can say `path:line:col`.
 */
export interface LintEntry {
  entry: BankEntry;
  file: string;
  locate: (path: PathSegment[]) => Location;
}

/** One scorable question of the bank: a standalone item or one question of a case study. */
export interface LintQuestion {
  question: Question;
  file: string;
  /** Exam versions the question is tagged for (a case study's: its questions'). */
  exams: string[];
  /** Id of the case study holding the question, if any. */
  caseId?: string;
  /** Builds a problem located at `path`, relative to the question. */
  problem: (path: PathSegment[], severity: Severity, code: string, message: string) => Problem;
  /** Location of `path`, relative to the question. */
  locate: (path: PathSegment[]) => Location;
}

/** Builds a problem located at `path` inside an entry. */
export function problemAt(e: LintEntry, path: PathSegment[], severity: Severity, code: string, message: string, itemId?: string): Problem {
  const { line, column } = e.locate(path);
  return { severity, code, message, file: e.file, line, column, itemId: itemId ?? e.entry.id };
}

/** Every question of the bank, case-study questions included, in bank order. */
export function lintQuestions(entries: LintEntry[]): LintQuestion[] {
  const out: LintQuestion[] = [];
  for (const e of entries) {
    const exams = entryExams(e.entry) ?? [];
    const wrap = (question: Question, base: PathSegment[], caseId?: string): LintQuestion => {
      const locate = (path: PathSegment[]) => e.locate([...base, ...path]);
      return {
        question,
        file: e.file,
        exams,
        ...(caseId ? { caseId } : {}),
        locate,
        problem: (path, severity, code, message) => problemAt(e, [...base, ...path], severity, code, message, question.id),
      };
    };
    if (e.entry.type === 'case') {
      const caseId = e.entry.id;
      e.entry.questions.forEach((q, i) => out.push(wrap(q, ['questions', i], caseId)));
    } else out.push(wrap(e.entry, []));
  }
  return out;
}
