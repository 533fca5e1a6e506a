import { parseArgs } from 'node:util';
import { loadContent } from '../../content/load-content.ts';
import { formatProblem } from '../../core/items/check-bank.ts';
import { studyGaps, studyReport } from '../../core/lessons/study-report.ts';

const USAGE = 'usage: certprep study report [content-dir] --exam <id> [--json]';

/** `certprep study report`: the study path of one exam, module by module (lesson words, cards, quiz pool, skills). */
export async function study(argv: string[]): Promise<number> {
  if (argv[0] !== 'report') {
    console.error(argv[0] && !['help', '--help', '-h'].includes(argv[0]) ? `certprep study: unknown subcommand "${argv[0]}"\n${USAGE}` : USAGE);
    return argv[0] ? (['help', '--help', '-h'].includes(argv[0]) ? 0 : 2) : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv.slice(1), allowPositionals: true, options: { exam: { type: 'string' }, json: { type: 'boolean' } } });
  } catch (err) {
    console.error(`certprep study report: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const loaded = await loadContent(parsed.positionals[0] ?? 'content');
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    for (const p of errors.slice(0, 20)) console.error(formatProblem(p));
    console.error(`certprep study report: the content has ${errors.length} error(s); fix them first (certprep validate).`);
    return 1;
  }
  const exam = loaded.exams.find((e) => e.exam.id === parsed.values.exam);
  if (!exam) {
    console.error(`certprep study report: ${parsed.values.exam ? `unknown exam "${parsed.values.exam}"` : 'choose an exam with --exam'} (known: ${loaded.exams.map((e) => e.exam.id).join(', ')})`);
    return 2;
  }
  const report = studyReport(exam, loaded.lessons, loaded.entries);
  if (parsed.values.json) {
    console.log(JSON.stringify(report, null, 2));
    return 0;
  }
  console.log(`${exam.exam.code}: ${report.modules.length} content modules, ${report.modules.filter((m) => m.lesson).length} with a lesson, ${report.modules.reduce((n, m) => n + m.cards, 0)} flash cards`);
  for (const m of report.modules) console.log(`  ${String(m.id).padStart(2)}  ${m.title.padEnd(60)} ${m.lesson ? `${m.lessonWords} words, ${m.cards} cards` : 'no lesson'}; quiz pool ${m.quizPool}`);
  const gaps = studyGaps(report);
  if (report.skillsWithoutModule.length) console.log(`skills without a module: ${report.skillsWithoutModule.join(', ')}`);
  console.log(gaps.length ? `gaps (${gaps.length}):\n  ${gaps.join('\n  ')}` : 'no gaps');
  return 0;
}
