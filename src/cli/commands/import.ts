import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadExams } from '../../content/load-exams.ts';
import { MB, type ImportLimits } from '../../formats/common/limits.ts';
import { IMPORT_FORMATS, type ImportFormat } from '../../formats/import/import-formats.ts';
import { applyImport, fileRejected, planImport, type ImportStore } from '../../formats/import/plan-import.ts';
import { YamlDirStore } from '../../formats/import/yaml-dir-store.ts';
import { CollectionStore } from '../../db/collection-store.ts';
import { isPostgresUrl } from '../../db/create-database.ts';
import { openStore, storeUrl } from '../open-store.ts';

const USAGE = `usage: certprep import --format ${IMPORT_FORMATS.join('|')} FILE [--into NAME] [--database URL] [--into-dir DIR] [--update] [--skip-invalid] [--dry-run] [--json] [--max-file-mb 50] [--max-unpacked-mb 200] [--max-entries 20000] [--exams content/exams]`;

function positiveNumber(name: string, raw: string | undefined, fallback: number, errors: string[]): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) errors.push(`--${name} must be a positive number, got "${raw}"`);
  return n;
}

/**
 * `certprep import`: plans the import (parse, structural checks, each item's fate), prints the
 * report, and unless --dry-run saves the accepted items, all or nothing unless --skip-invalid.
 * Items go into a named collection in the database (--into NAME), or as content files in --into-dir.
 */
export async function importCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        into: { type: 'string' },
        'into-dir': { type: 'string' },
        update: { type: 'boolean' },
        'skip-invalid': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        'max-file-mb': { type: 'string' },
        'max-unpacked-mb': { type: 'string' },
        'max-entries': { type: 'string' },
        exams: { type: 'string' },
        database: { type: 'string' },
      },
    });
  } catch (err) {
    console.error(`certprep import: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const errors: string[] = [];
  const format = values.format as ImportFormat | undefined;
  if (!format || !IMPORT_FORMATS.includes(format)) errors.push(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
  if (positionals.length !== 1) errors.push('give exactly one FILE to import');
  const limits: ImportLimits = {
    maxFileBytes: positiveNumber('max-file-mb', values['max-file-mb'], 50, errors) * MB,
    maxUnpackedBytes: positiveNumber('max-unpacked-mb', values['max-unpacked-mb'], 200, errors) * MB,
    maxEntries: Math.floor(positiveNumber('max-entries', values['max-entries'], 20_000, errors)),
  };
  if (values.into === 'bank') errors.push('--into bank: the built-in bank is loaded from content/ only; import into another collection');
  if (errors.length) {
    console.error(`certprep import: ${errors.join('\n  ')}\n${USAGE}`);
    return 2;
  }
  const file = positionals[0]!;
  const info = await stat(file).catch(() => undefined);
  // The JSON contract holds for every outcome: a file that cannot be read is a rejected report too.
  const unreadable = (code: string, message: string) => {
    if (values.json) console.log(JSON.stringify(fileRejected(path.basename(file), code, message), null, 2));
    console.error(`certprep import: ${file}: ${message}`);
    return 1;
  };
  if (!info?.isFile()) return unreadable('not-found', 'no such file');
  // Refuse an oversized file before reading it into memory.
  if (info.size > limits.maxFileBytes) return unreadable('limit', `file is ${(info.size / MB).toFixed(1)} MB, larger than the limit of ${(limits.maxFileBytes / MB).toFixed(1)} MB (--max-file-mb)`);
  const collection = values.into ?? (path.basename(file).replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'imported');
  // A dry run writes nothing: it reads an existing database (to tell which items are already there), never creates one.
  const databaseUrl = storeUrl(values.database);
  const readOnlyRun = values['dry-run'] && !isPostgresUrl(databaseUrl) && !(await stat(databaseUrl).catch(() => undefined));
  const handle = values['into-dir'] || readOnlyRun ? undefined : await openStore(databaseUrl);
  try {
    const store: ImportStore = values['into-dir'] ? new YamlDirStore(values['into-dir']) : handle ? new CollectionStore(handle.db) : EMPTY_STORE;
    return await runImport(file, values, store, collection, limits, format!);
  } finally {
    await handle?.close();
  }
}

/** No database yet (a dry run): nothing is in any collection, and nothing may be saved. */
const EMPTY_STORE: ImportStore = {
  existingIds: async () => new Set(),
  saveItems: async () => {
    throw new Error('a dry run saves nothing');
  },
};

async function runImport(
  file: string,
  values: { exams?: string | undefined; update?: boolean | undefined; 'skip-invalid'?: boolean | undefined; 'dry-run'?: boolean | undefined; json?: boolean | undefined; 'into-dir'?: string | undefined },
  store: ImportStore,
  collection: string,
  limits: ImportLimits,
  format: ImportFormat,
): Promise<number> {
  const exams = await loadExams(values.exams ?? path.join('content', 'exams'));
  const plan = await planImport(new Uint8Array(await readFile(file)), store, { format: format!, collection, update: !!values.update, skipInvalid: !!values['skip-invalid'], limits, file: path.basename(file), ...(exams ? { exams } : {}) });
  const r = plan.report;
  if (values.json) console.log(JSON.stringify(r, null, 2));
  else {
    for (const w of r.warnings) console.log(`${problemPlace(file, w)} warning ${w.code}: ${w.message}`);
    for (const item of r.items) {
      for (const p of item.problems) {
        const where = problemPlace(file, p);
        console.log(`${where} ${item.status} [${item.id}] ${p.code}: ${p.message}`);
      }
    }
    console.log(`${values['dry-run'] ? 'dry run: ' : ''}${r.imported} imported (${r.lossy} lossy), ${r.rejected} rejected, ${r.skipped} skipped -> collection "${collection}"`);
  }
  if (!plan.applicable) {
    if (!values.json) console.error(`certprep import: ${r.rejected} item(s) rejected; nothing was written (use --skip-invalid to import the valid ones)`);
    return 1;
  }
  if (!values['dry-run']) {
    await applyImport(plan, store);
    if (!values.json) console.log(`saved ${plan.entries.length} item(s) to ${values['into-dir'] ? path.join(values['into-dir'], `${collection}.yaml`) : `collection "${collection}" in the database`}`);
  }
  return 0;
}

/**
 * Where a problem is, as `file:line:col` (then the XML path inside it). In a package, line and column
 * are those of the member: `package.zip!items/q1.xml:12:3`, never the zip's own lines.
 */
export function problemPlace(file: string, p: { line?: number; column?: number; path?: string }): string {
  const member = p.path && !p.path.startsWith('/') && /\.zip$/i.test(file) ? p.path.split('#')[0] : undefined;
  const at = [member ? `${file}!${member}` : file, p.line, p.column].filter((x) => x !== undefined).join(':');
  const inside = member ? p.path!.slice(member.length) : p.path;
  return at + (inside ? ` ${inside}` : '');
}
