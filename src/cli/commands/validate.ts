import { parseArgs } from 'node:util';
import { loadContent } from '../../content/load-content.ts';
import { formatProblem } from '../../core/items/check-bank.ts';

/** `certprep validate [path]`: every schema and referential problem as `path:line:col`, non-zero on errors. */
export async function validate(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { exams: { type: 'string' }, quiet: { type: 'boolean', short: 'q' } },
  });
  const root = positionals[0] ?? 'content';
  const loaded = await loadContent(root, values.exams);
  for (const p of loaded.problems) if (!values.quiet || p.severity === 'error') console.log(formatProblem(p));
  const errors = loaded.problems.filter((p) => p.severity === 'error').length;
  const warnings = loaded.problems.length - errors;
  const questions = loaded.entries.reduce((n, e) => n + (e.type === 'case' ? e.questions.length : 1), 0);
  console.log(`${errors === 0 ? 'ok' : 'invalid'}: ${loaded.entries.length} entries (${questions} questions), ${errors} errors, ${warnings} warnings`);
  return errors === 0 ? 0 : 1;
}
