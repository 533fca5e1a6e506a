import { QUIZ_RETAKE_POOL, QUIZ_SIZE, quizPools } from '../../core/lessons/study-report.ts';
import { parseArgs } from 'node:util';
import { loadContent } from '../../content/load-content.ts';
import type { ExamIndex } from '../../core/exam/exam-schema.ts';
import { bankReport, bankReportSummary, type BankReport } from '../../core/items/bank-report.ts';
import { formatProblem } from '../../core/items/check-bank.ts';
import { QUESTION_TYPES } from '../../core/items/item-schema.ts';
import type { Command } from '../main.ts';
import { bankLoad } from './bank-load.ts';

/** Subcommands of `certprep bank`; each takes its own arguments and returns the exit code. */
const subcommands: Record<string, { summary: string; run: Command }> = {
  report: { summary: 'items by domain, task, bullet, type and difficulty against the blueprint, with the gaps', run: report },
  load: { summary: 'load content/ into the database (idempotent, keyed by item id and content hash)', run: (argv) => bankLoad(argv) },
};

function usage(): string {
  return ['usage: certprep bank <subcommand> [options]', '', ...Object.entries(subcommands).map(([name, s]) => `  ${name.padEnd(8)}  ${s.summary}`)].join('\n');
}

/** `certprep bank <subcommand>`. */
export async function bank(argv: string[]): Promise<number> {
  const name = argv[0];
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const sub = subcommands[name];
  if (!sub) {
    console.error(`certprep bank: unknown subcommand "${name}"\n\n${usage()}`);
    return 2;
  }
  return sub.run(argv.slice(1));
}

/** `certprep bank report [path] [--exam id] [--json] [--exams dir]`. */
async function report(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { exams: { type: 'string' }, exam: { type: 'string' }, json: { type: 'boolean' } } });
  } catch (err) {
    console.error(`certprep bank report: ${err instanceof Error ? err.message : String(err)}\nusage: certprep bank report [path] --exam <id> [--json] [--exams <dir>]`);
    return 2;
  }
  const { values, positionals } = parsed;
  const root = positionals[0] ?? 'content';
  const loaded = await loadContent(root, values.exams);
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  const fatal = errors.find((p) => p.code === 'not-found' || p.code === 'no-exam');
  if (fatal) {
    console.error(`certprep bank report: ${formatProblem(fatal)}`);
    return 1;
  }
  if (!values.exam && loaded.exams.length > 1) {
    console.error(`certprep bank report: the bank serves several exams; choose one with --exam (${loaded.exams.map((e) => e.exam.id).join(', ')})`);
    return 2;
  }
  const exam = values.exam ? loaded.exams.find((e) => e.exam.id === values.exam) : loaded.exams[0];
  if (!exam) {
    console.error(`certprep bank report: unknown exam "${values.exam}" (known: ${loaded.exams.map((e) => e.exam.id).join(', ')})`);
    return 2;
  }
  // Items that fail validation are left out of the counts; say so on stderr so --json stays one object.
  if (errors.length) console.error(`certprep bank report: ${errors.length} validation errors; items failing the schema are not counted (run certprep validate ${root})`);
  const r = bankReport(loaded.entries, exam);
  console.log(values.json ? JSON.stringify(bankReportSummary(r), null, 2) : formatReport(r, exam, quizPools(loaded.entries, exam.exam)));
  return 0;
}

/** The report as aligned plain-text tables. */
export function formatReport(r: BankReport, exam: ExamIndex, pools: ReadonlyMap<number, number> = new Map()): string {
  const lines: string[] = [];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const table = (rows: (string | number)[][], rightFrom: number) => {
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => String(row[c] ?? '').length)));
    for (const row of rows) lines.push(row.map((cell, c) => (c >= rightFrom ? String(cell).padStart(widths[c]!) : String(cell).padEnd(widths[c]!))).join('  ').trimEnd());
  };
  lines.push(`${exam.exam.code} bank report: ${r.items} items, ${r.caseStudies} case studies`, '');
  table([['Domain', 'Name', 'Items', 'Share', 'Weight'], ...r.domains.map((d) => [d.id, d.name, d.items, pct(d.share), pct(d.targetShare)])], 2);
  lines.push('');
  const diffs = ['1', '2', '3', '4', '5'];
  table(
    [
      ['Task', 'Title', 'Items', 'Min', ...QUESTION_TYPES, ...diffs.map((d) => `d${d}`)],
      ...r.tasks.map((t) => [t.id, truncate(t.title, 48), t.items, t.items >= r.minimums.perTask ? 'ok' : `-${r.minimums.perTask - t.items}`, ...QUESTION_TYPES.map((ty) => r.byTaskType[t.id]![ty]), ...diffs.map((d) => r.byTaskDifficulty[t.id]![d] ?? 0)]),
      ['', 'Total', r.items, '', ...QUESTION_TYPES.map((ty) => r.byType[ty]), ...diffs.map((d) => r.byDifficulty[d] ?? 0)],
    ],
    2,
  );
  lines.push('', `Items per bullet (* = fewer than ${r.minimums.perBullet}):`);
  for (const t of r.tasks) {
    const cells = [...exam.bullets].filter(([, b]) => b.task === t.id).map(([id]) => `${id.slice(t.id.length + 1)} ${r.byBullet[id]}${r.bulletsUncovered.includes(id) ? '*' : ''}`);
    lines.push(`  ${t.id}  ${cells.join('  ')}`);
  }
  lines.push('', `Types: ${QUESTION_TYPES.map((ty) => `${ty} ${r.byType[ty]} (${pct(r.items ? r.byType[ty] / r.items : 0)})`).join(', ')}; case studies ${r.caseStudies}`);
  lines.push(`Difficulty: ${[...diffs, 'unrated'].map((d) => `${d} ${r.byDifficulty[d] ?? 0}`).join(', ')}`);
  const modules = exam.exam.modules.filter((m) => m.kind !== 'mock');
  if (modules.length) {
    // A module quiz draws 10 of the module's questions; a retake with 10 new ones needs 20.
    lines.push('', `Questions per study-path module, for its quiz (* = fewer than ${QUIZ_SIZE}, + = fewer than ${QUIZ_RETAKE_POOL}):`);
    const cell = (n: number) => `${n}${n < QUIZ_SIZE ? '*' : n < QUIZ_RETAKE_POOL ? '+' : ''}`;
    for (let i = 0; i < modules.length; i += 10) lines.push(`  ${modules.slice(i, i + 10).map((m) => `m${m.id} ${cell(pools.get(m.id) ?? 0)}`).join('  ')}`);
  }
  lines.push('', r.gaps.length ? `Gaps (${r.gaps.length}):` : 'Gaps: none, every minimum is met.');
  for (const g of r.gaps) lines.push(`  - ${g}`);
  return lines.join('\n');
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
