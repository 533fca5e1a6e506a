import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../../content/load-content.ts';
import { formatProblem } from '../../core/items/check-bank.ts';
import type { BankEntry, Question } from '../../core/items/item-schema.ts';
import { EXPORT_FORMATS, writeFormat, type ExportFormat } from '../../formats/import/import-formats.ts';
import { CollectionStore } from '../../db/collection-store.ts';
import { openStore } from '../open-store.ts';

const USAGE = `usage: certprep export --format ${EXPORT_FORMATS.join('|')} --out PATH [--from content | --collection NAME [--database URL]] [--task 1.2] [--type single|multiple|ordering|matching|case] [--json]`;

/**
 * Keeps entries that match the filters; a case study matches when it, or one of its questions, does.
 * A question is in task statement T when one of its exams tags it with T.
 */
export function selectEntries(entries: BankEntry[], filter: { task?: string | undefined; type?: string | undefined }): BankEntry[] {
  const inTask = (q: Question) => Object.values(q.exams ?? {}).some((t) => t.task === filter.task);
  const matches = (q: Question) => (!filter.task || inTask(q)) && (!filter.type || q.type === filter.type);
  return entries.filter((e) => (e.type === 'case' ? (filter.type === 'case' && (!filter.task || e.questions.some(inTask))) || (filter.type !== 'case' && e.questions.some(matches)) : matches(e)));
}

/**
 * `certprep export`: reads the YAML bank (loadContent), filters it, and writes it in the chosen
 * format. Every item the format cannot carry in full is listed (lossy, with the lost fields) and
 * every item it cannot express is listed as skipped. A bank with errors is not exported.
 */
export async function exportCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { format: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' }, collection: { type: 'string' }, database: { type: 'string' }, task: { type: 'string' }, type: { type: 'string' }, json: { type: 'boolean' }, exams: { type: 'string' } } });
  } catch (err) {
    console.error(`certprep export: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  const errors: string[] = [];
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) errors.push(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (!values.out) errors.push('--out PATH is required');
  if (values.task && !/^\d\.\d$/.test(values.task)) errors.push(`--task must look like 1.2, got "${values.task}"`);
  if (values.type && !['single', 'multiple', 'ordering', 'matching', 'case'].includes(values.type)) errors.push(`--type must be single, multiple, ordering, matching or case, got "${values.type}"`);
  if (errors.length) {
    console.error(`certprep export: ${errors.join('\n  ')}\n${USAGE}`);
    return 2;
  }
  let all: BankEntry[];
  if (values.collection) {
    // A collection in the database (imported items, or `bank` as last loaded).
    const handle = await openStore(values.database);
    try {
      all = await new CollectionStore(handle.db).entries(values.collection);
    } finally {
      await handle.close();
    }
    if (all.length === 0) {
      console.error(`certprep export: collection "${values.collection}" has no items in the database`);
      return 1;
    }
  } else {
    const loaded = await loadContent(values.from ?? 'content', values.exams);
    const bankErrors = loaded.problems.filter((p) => p.severity === 'error');
    if (bankErrors.length) {
      for (const p of bankErrors) console.error(formatProblem(p));
      console.error(`certprep export: the bank has ${bankErrors.length} error(s); fix them (certprep validate) before exporting`);
      return 1;
    }
    all = loaded.entries;
  }
  const entries = selectEntries(all, { task: values.task, type: values.type });
  const written = writeFormat(format!, entries);
  await mkdir(path.dirname(path.resolve(values.out!)), { recursive: true });
  await writeFile(values.out!, written.output);
  const lossy = written.problems.filter((p) => p.code === 'lossy');
  const skipped = written.problems.filter((p) => p.code === 'skipped');
  if (values.json) console.log(JSON.stringify({ exported: entries.length - skipped.length, lossy: lossy.length, skipped: skipped.length, items: written.problems.map((p) => ({ id: p.itemId, status: p.code, message: p.message })) }, null, 2));
  else {
    for (const p of written.problems) console.log(`${p.code} [${p.itemId}] ${p.message}`);
    console.log(`exported ${entries.length - skipped.length} of ${entries.length} entries to ${values.out} (${format}); ${lossy.length} lossy, ${skipped.length} skipped`);
  }
  return 0;
}
