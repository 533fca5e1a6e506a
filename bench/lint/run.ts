/**
 * Lint benchmark: generates 1,000 valid, varied questions (seeded), writes them as content files to a
 * temporary folder with the MLA-C01 exam definition, and prints the lint time (median of several runs):
 *   - rules: lintBank on entries already parsed and located (the pure core);
 *   - load + validate: loadContent alone (YAML parsing, schema and referential checks), for comparison;
 *   - load + lint: runLint in process (read, parse, validate, locate, lint: the command minus start-up);
 *   - whole command: `node --import tsx src/cli/main.ts lint <dir> --json` as a child process (adds Node and
 *     tsx start-up; `npx` adds about half a second more of its own).
 * Usage: npx tsx bench/lint/run.ts [--items 1000] [--seed 42] [--runs 7]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { runLint } from '../../src/cli/commands/lint.ts';
import { loadContent } from '../../src/content/load-content.ts';
import { examSchema, indexExam } from '../../src/core/exam/exam-schema.ts';
import { lintBank } from '../../src/core/items/lint-bank.ts';
import { parseContentFile, parseYaml } from '../../src/formats/yaml/parse-yaml-entries.ts';
import { bankEntrySchema } from '../../src/core/items/item-schema.ts';
import { generateBank } from './generate-bank.ts';

const { values } = parseArgs({ options: { items: { type: 'string', default: '1000' }, seed: { type: 'string', default: '42' }, runs: { type: 'string', default: '7' } } });
const count = Number(values.items);
const runs = Number(values.runs);
const examFile = 'content/exams/mla-c01.yaml';
const exam = indexExam(examSchema.parse(parseYaml(readFileSync(examFile, 'utf8'), examFile).value));

const dir = mkdtempSync(path.join(tmpdir(), 'certprep-lint-bench-'));
mkdirSync(path.join(dir, 'exams'));
mkdirSync(path.join(dir, 'items'));
writeFileSync(path.join(dir, 'exams', 'mla-c01.yaml'), readFileSync(examFile, 'utf8'));
const entries = generateBank(count, exam, Number(values.seed));
const perFile = 50;
for (let i = 0; i < entries.length; i += perFile) {
  writeFileSync(path.join(dir, 'items', `bank-${String(i / perFile + 1).padStart(2, '0')}.yaml`), stringify({ items: entries.slice(i, i + perFile) }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async (fn: () => unknown) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

try {
  // Sanity: the generated bank must be valid, or the timing measures error paths.
  const first = await runLint(dir);
  const schemaErrors = first.loaded.problems.filter((p) => p.severity === 'error');
  if (schemaErrors.length) throw new Error(`generated bank is invalid: ${schemaErrors.length} errors, first: ${schemaErrors[0]!.message} at ${schemaErrors[0]!.file}:${schemaErrors[0]!.line}`);
  const questions = first.result.stats.questions;
  const byCode = new Map<string, number>();
  for (const p of first.result.problems) byCode.set(p.code, (byCode.get(p.code) ?? 0) + 1);

  // Rules only: parse and locate once, then time lintBank.
  const located: Parameters<typeof lintBank>[0] = [];
  for (let i = 0; i < entries.length; i += perFile) {
    const file = path.join(dir, 'items', `bank-${String(i / perFile + 1).padStart(2, '0')}.yaml`);
    for (const r of parseContentFile(readFileSync(file, 'utf8'), file).entries) located.push({ entry: bankEntrySchema.parse(r.value), file: r.file, locate: r.locate });
  }
  const rules: number[] = [];
  for (let i = 0; i < runs; i++) rules.push(await time(() => lintBank(located, [exam], { wholeBank: true, bankPath: dir })));
  const loadOnly: number[] = [];
  for (let i = 0; i < runs; i++) loadOnly.push(await time(() => loadContent(dir)));
  const inProcess: number[] = [];
  for (let i = 0; i < runs; i++) inProcess.push(await time(() => runLint(dir)));
  const whole: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    whole.push(
      await time(() => {
        try {
          execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'lint', dir, '--json'], { stdio: 'pipe' });
        } catch {
          // Exit code 1 (lint errors such as uncovered bullets) is expected; the timing is what counts.
        }
      }),
    );
  }
  const startup: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) startup.push(await time(() => execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'help'], { stdio: 'pipe' })));

  const bytes = readdirSync(path.join(dir, 'items')).reduce((n, f) => n + statSync(path.join(dir, 'items', f)).size, 0);
  console.log(`lint benchmark: ${entries.length} entries, ${questions} questions, ${Math.ceil(entries.length / perFile)} files (${(bytes / 1e6).toFixed(2)} MB), seed ${values.seed}, ${runs} runs (median)`);
  console.log(`  findings on the generated bank: ${[...byCode].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`);
  console.log(`  rules only (lintBank):            ${median(rules).toFixed(1)} ms  (min ${Math.min(...rules).toFixed(1)})`);
  console.log(`  load + validate (loadContent):    ${median(loadOnly).toFixed(1)} ms  (min ${Math.min(...loadOnly).toFixed(1)})`);
  console.log(`  load + validate + lint (runLint): ${median(inProcess).toFixed(1)} ms  (min ${Math.min(...inProcess).toFixed(1)})`);
  console.log(`  whole command (node --import tsx): ${median(whole).toFixed(0)} ms, of which start-up (... help) ${median(startup).toFixed(0)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
