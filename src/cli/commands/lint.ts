import { readFileSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent, type LoadedContent } from '../../content/load-content.ts';
import type { PathSegment, Problem, RawEntry } from '../../core/items/check-bank.ts';
import { isForExam } from '../../core/items/exam-tags.ts';
import { lintBank, mergeProblems, type LintEntry, type LintResult } from '../../core/items/lint-bank.ts';
import { studyGaps, studyReport } from '../../core/lessons/study-report.ts';
import { formatP } from '../../core/items/lint/key-balance-rule.ts';
import { parseContentFile, parseYaml } from '../../formats/yaml/parse-yaml-entries.ts';

/** `path:line:col severity code message [item-id]`: lint's line format (validate's, with the rule code). */
export function formatLintProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}${p.itemId ? ` [${p.itemId}]` : ''}`;
}

export interface LintRun {
  loaded: LoadedContent;
  result: LintResult;
  /** Validate's problems and lint's, merged and sorted. */
  problems: Problem[];
  wholeBank: boolean;
}

/**
 * Loads `root` with `loadContent` (schema and referential checks) and lints the entries that passed
 * the schema; an item file is parsed a second time only if a lint finding in it must be located. A folder is the whole bank,
 * so bullet coverage is checked only then.
 */
export async function runLint(root: string, options: { examsDir?: string | undefined; absoluteWords?: string[] | undefined; exam?: string | undefined } = {}): Promise<LintRun> {
  const { examsDir, absoluteWords, exam } = options;
  const loaded = await loadContent(root, examsDir);
  const wholeBank = (await stat(root).catch(() => undefined))?.isDirectory() ?? false;
  let entries = locateEntries(loaded);
  let exams = loaded.exams;
  if (exam !== undefined) {
    // One exam version: its items (a case study with a question for it) and its coverage only.
    exams = loaded.exams.filter((x) => x.exam.id === exam);
    if (exams.length === 0) throw new UnknownExamError(`unknown exam "${exam}"; the exams are ${loaded.exams.map((x) => x.exam.id).join(', ') || 'none'}`);
    entries = entries.filter((e) => isForExam(e.entry, exam));
  }
  const locateBullet = await bulletLocator(root, examsDir, wholeBank);
  const result = lintBank(entries, exams, { wholeBank, bankPath: root, locateBullet, ...(absoluteWords ? { absoluteWords } : {}) });
  // The study path of a whole bank that has one (a lessons folder): a module without a lesson, with too few
  // flash cards or too few questions for its quiz.
  const hasLessons = wholeBank && ((await stat(path.join(root, 'lessons')).catch(() => undefined))?.isDirectory() ?? false);
  const study: Problem[] = hasLessons
    ? exams.flatMap((x) => studyGaps(studyReport(x, loaded.lessons, loaded.entries)).map((message) => ({ severity: 'warning' as const, code: 'study-gap', message: `${x.exam.code}: ${message}`, file: path.join(root, 'lessons'), line: 1, column: 1 })))
    : [];
  return { loaded, result, problems: [...mergeProblems(loaded.problems, result.problems), ...study], wholeBank };
}

/** `--exam` named an exam the content does not define. */
export class UnknownExamError extends Error {}

/**
 * Pairs each loaded entry with a locator. `loadContent` keeps no positions, and parsing YAML is the
 * slowest step of a lint (about 0.4 ms per item), so a file is parsed again only when a problem in it
 * must be located; the entry is found there by id (the k-th entry with that id, in source order).
 */
function locateEntries(loaded: LoadedContent): LintEntry[] {
  const parsed = new Map<string, Map<string, RawEntry[]>>();
  const rawsOf = (file: string) => {
    let byId = parsed.get(file);
    if (!byId) {
      byId = new Map();
      for (const r of parseContentFile(readFileSync(file, 'utf8'), file).entries) {
        const id = (r.value as { id?: unknown } | null)?.id;
        if (typeof id === 'string') byId.set(id, [...(byId.get(id) ?? []), r]);
      }
      parsed.set(file, byId);
    }
    return byId;
  };
  const seen = new Map<string, number>();
  return loaded.entries.map((entry) => {
    const file = loaded.sources.get(entry.id) ?? '?';
    const k = seen.get(entry.id) ?? 0;
    seen.set(entry.id, k + 1);
    return { entry, file, locate: (p: PathSegment[]) => rawsOf(file).get(entry.id)?.[k]?.locate(p) ?? { line: 1, column: 1 } };
  });
}

/** Locates each bullet in its exam definition file, so an uncovered bullet points at its line. */
async function bulletLocator(root: string, examsDir: string | undefined, wholeBank: boolean) {
  const dir = examsDir ?? (wholeBank && (await stat(path.join(root, 'exams')).catch(() => undefined)) ? path.join(root, 'exams') : path.join('content', 'exams'));
  const index = new Map<string, { file: string; line: number; column: number }>();
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /\.ya?ml$/.test(n)).sort();
  for (const name of names) {
    const file = path.join(dir, name);
    const parsed = parseYaml(await readFile(file, 'utf8'), file);
    const exam = parsed.value as { id?: unknown; domains?: { tasks?: { knowledge?: { id?: unknown }[]; skills?: { id?: unknown }[] }[] }[] } | undefined;
    if (!exam || typeof exam.id !== 'string' || !Array.isArray(exam.domains)) continue;
    exam.domains.forEach((d, di) =>
      (d.tasks ?? []).forEach((t, ti) =>
        (['knowledge', 'skills'] as const).forEach((kind) =>
          (t[kind] ?? []).forEach((b, bi) => {
            if (typeof b.id === 'string') index.set(`${exam.id}\0${b.id}`, { file, ...parsed.locate(['domains', di, 'tasks', ti, kind, bi]) });
          }),
        ),
      ),
    );
  }
  return (examId: string, bulletId: string) => index.get(`${examId}\0${bulletId}`);
}

/**
 * `certprep lint [path]`: validate's checks plus the item-writing rules; exit 1 on errors, 2 on bad
 * arguments. `--json` prints one object: `{path, ok, wholeBank, entries, questions, errors, warnings,
 * stats: {keyPositions, positionTest, longestKey}, problems: [{severity, code, message, file, line, column, itemId}]}`.
 */
const LINT_USAGE = 'usage: certprep lint [path] [--exam <id>] [--json] [--quiet] [--exams <dir>] [--absolute-words always,never,...]';

export async function lint(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { exam: { type: 'string' }, exams: { type: 'string' }, json: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' }, 'absolute-words': { type: 'string' } },
    });
  } catch (err) {
    console.error(`certprep lint: ${err instanceof Error ? err.message : String(err)}\n${LINT_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const root = positionals[0] ?? 'content';
  const words = values['absolute-words'];
  const absoluteWords = words === undefined ? undefined : words.split(',').map((w) => w.trim()).filter(Boolean);
  let run;
  try {
    run = await runLint(root, { examsDir: values.exams, absoluteWords, exam: values.exam });
  } catch (err) {
    if (!(err instanceof UnknownExamError)) throw err;
    console.error(`certprep lint: ${err.message}\n${LINT_USAGE}`);
    return 2;
  }
  const errors = run.problems.filter((p) => p.severity === 'error').length;
  const warnings = run.problems.length - errors;
  const { stats } = run.result;

  if (values.json) {
    console.log(JSON.stringify({ path: root, ...(values.exam ? { exam: values.exam } : {}), ok: errors === 0, wholeBank: run.wholeBank, entries: stats.entries, questions: stats.questions, errors, warnings, stats: stats.keyBalance, problems: run.problems }, null, 2));
    return errors === 0 ? 0 : 1;
  }
  for (const p of run.problems) if (!values.quiet || p.severity === 'error') console.log(formatLintProblem(p));
  const kb = stats.keyBalance;
  const positions = `key positions a/b/c/d ${kb.keyPositions.a}/${kb.keyPositions.b}/${kb.keyPositions.c}/${kb.keyPositions.d}`;
  const test = kb.positionTest ? ` (chi-square ${kb.positionTest.statistic.toFixed(2)}, p = ${formatP(kb.positionTest.pValue)})` : ' (too few single items to test)';
  const longest = `key longest in ${(kb.longestKey.share * 100).toFixed(1)}% of ${kb.longestKey.items}`;
  console.log(`${errors === 0 ? 'ok' : 'failed'}: ${stats.entries} entries (${stats.questions} questions), ${errors} errors, ${warnings} warnings; ${positions}${test}; ${longest}`);
  return errors === 0 ? 0 : 1;
}
