import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportCommand } from './export.ts';
import { importCommand, problemPlace } from './import.ts';
import { captureConsole } from '../../../test/helpers/capture-console.ts';
import { loadContent } from '../../content/load-content.ts';
import { correctKey } from '../../core/items/correct-key.ts';
import { createDatabase, migrateToLatest } from '../../db/create-database.ts';
import { items } from '../../db/repositories/items.ts';

const FIXTURES = 'test/fixtures/interchange';
let dir: string;
let out: string[];
let err: string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cli-interchange-'));
  vi.stubEnv('DATABASE_URL', path.join(dir, 'store.db'));
  ({ out, err } = captureConsole());
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('certprep import / export', () => {
  it('--dry-run --json prints exactly the documented report', async () => {
    const code = await importCommand(['--format', 'moodle', `${FIXTURES}/foreign/quiz-moodle.xml`, '--dry-run', '--json']);
    expect(code).toBe(1); // one item is rejected, so the import would be refused
    const report = JSON.parse(out.join('\n'));
    expect(Object.keys(report)).toEqual(['imported', 'rejected', 'lossy', 'skipped', 'items', 'warnings']);
    expect(report).toMatchObject({ imported: 3, rejected: 1, lossy: 1, skipped: 1 });
    for (const item of report.items) {
      expect(Object.keys(item)).toEqual(['id', 'status', 'problems']);
      for (const p of item.problems) expect(Object.keys(p).every((k) => ['code', 'message', 'line', 'column', 'path'].includes(k))).toBe(true);
    }
  });

  it('exports every format from a bank, and imports each back into a YAML collection', async () => {
    for (const format of ['qti', 'moodle', 'gift', 'aiken', 'markdown', 'csv', 'yaml']) {
      const file = path.join(dir, `bank.${format}`);
      expect(await exportCommand(['--format', format, '--out', file, '--from', `${FIXTURES}/bank`])).toBe(0);
      if (format === 'yaml') continue;
      const code = await importCommand(['--format', format, file, '--into', `from-${format}`, '--into-dir', path.join(dir, 'store')]);
      expect(code, `${format}: ${err.join('\n')}`).toBe(0);
    }
    expect(out).toContain('exported 3 of 5 entries to ' + path.join(dir, 'bank.gift') + ' (gift); 1 lossy, 2 skipped');
    const qti = readFileSync(path.join(dir, 'store', 'from-qti.yaml'), 'utf8');
    expect(qti).toBe(readFileSync(path.join(dir, 'bank.yaml'), 'utf8'));
    // A second import of the same file skips what is already there, and --update replaces it.
    out.length = 0;
    expect(await importCommand(['--format', 'qti', path.join(dir, 'bank.qti'), '--into', 'from-qti', '--into-dir', path.join(dir, 'store')])).toBe(0);
    expect(out.at(-2)).toContain('0 imported (0 lossy), 0 rejected, 5 skipped');
    out.length = 0;
    expect(await importCommand(['--format', 'qti', path.join(dir, 'bank.qti'), '--into', 'from-qti', '--into-dir', path.join(dir, 'store'), '--update'])).toBe(0);
    expect(out.at(-2)).toContain('5 imported (0 lossy), 0 rejected, 0 skipped');
  });

  it('filters exports by task and type', async () => {
    const file = path.join(dir, 'x.csv');
    expect(await exportCommand(['--format', 'csv', '--out', file, '--from', `${FIXTURES}/bank`, '--type', 'ordering'])).toBe(0);
    // The standalone ordering item and the case study whose second question is an ordering one.
    expect(out.at(-1)).toContain('exported 2 of 2 entries');
  });

  it('refuses an oversized file before reading it, and bad options with usage', async () => {
    const big = path.join(dir, 'big.gift');
    writeFileSync(big, 'x'.repeat(2 * 1024 * 1024));
    expect(await importCommand(['--format', 'gift', big, '--dry-run', '--max-file-mb', '1'])).toBe(1);
    expect(err.join('\n')).toContain('larger than the limit of 1.0 MB (--max-file-mb)');
    expect(await importCommand(['--format', 'docx', big])).toBe(2);
    expect(err.join('\n')).toContain('--format must be one of qti, moodle, gift, aiken, markdown, csv');
    expect(await importCommand(['--format', 'gift', big, '--into', 'bank'])).toBe(2);
    expect(err.join('\n')).toContain('--into bank: the built-in bank is loaded from content/ only');
    expect(await exportCommand(['--format', 'gift'])).toBe(2);
    expect(err.join('\n')).toContain('--out PATH is required');
  });

  it('imports into a named collection in the database and exports it back', async () => {
    const quiz = `${FIXTURES}/foreign/quiz-moodle.xml`;
    expect(await importCommand(['--format', 'moodle', quiz, '--into', 'cohort-a'])).toBe(1);
    expect(await exportCommand(['--format', 'yaml', '--collection', 'cohort-a', '--out', path.join(dir, 'none.yaml')])).toBe(1);
    expect(err.join('\n')).toContain('collection "cohort-a" has no items in the database');
    expect(await importCommand(['--format', 'moodle', quiz, '--into', 'cohort-a', '--skip-invalid'])).toBe(0);
    expect(out.at(-1)).toMatch(/saved 3 item\(s\) to collection "cohort-a" in the database/);
    // Again: the items are there, so they are skipped, not overwritten.
    expect(await importCommand(['--format', 'moodle', quiz, '--into', 'cohort-a', '--skip-invalid', '--dry-run', '--json'])).toBe(0);
    const again = JSON.parse(out.slice(out.findIndex((l) => l.startsWith('{'))).join('\n'));
    expect(again).toMatchObject({ imported: 0, skipped: 4 });
    out.length = 0;
    expect(await exportCommand(['--format', 'yaml', '--collection', 'cohort-a', '--out', path.join(dir, 'cohort.yaml')])).toBe(0);
    expect(readFileSync(path.join(dir, 'cohort.yaml'), 'utf8')).toMatch(/^items:/);
  });

  it('exports a correction made in the app from the built-in bank, back to content files', async () => {
    const { entries } = await loadContent('content/items/d1/1.1.yaml');
    const handle = createDatabase({ url: path.join(dir, 'store.db') });
    await migrateToLatest(handle.db);
    await items.load(handle.db, 'bank', entries.slice(0, 2), 1);
    const first = entries[0]!;
    const wrong = first.type === 'single' ? first.options.find((o) => !o.correct)!.id : '';
    const corrected = correctKey(first, first.id, { key: [wrong] });
    if (!('entry' in corrected)) throw new Error(corrected.problem);
    await items.publish(handle.db, 'bank', corrected.entry, 2);
    await handle.close();
    expect(await exportCommand(['--format', 'yaml', '--collection', 'bank', '--out', path.join(dir, 'bank.yaml')])).toBe(0);
    const back = await loadContent(path.join(dir, 'bank.yaml'), 'content/exams');
    const exported = back.entries.find((e) => e.id === first.id)!;
    expect(exported.type === 'single' ? exported.options.filter((o) => o.correct).map((o) => o.id) : []).toEqual([wrong]);
  });

  it('writes nothing when an item is rejected, unless --skip-invalid', async () => {
    const store = path.join(dir, 'store');
    expect(await importCommand(['--format', 'moodle', `${FIXTURES}/foreign/quiz-moodle.xml`, '--into', 'lms', '--into-dir', store])).toBe(1);
    expect(() => readFileSync(path.join(store, 'lms.yaml'))).toThrow();
    expect(await importCommand(['--format', 'moodle', `${FIXTURES}/foreign/quiz-moodle.xml`, '--into', 'lms', '--into-dir', store, '--skip-invalid'])).toBe(0);
    expect(readFileSync(path.join(store, 'lms.yaml'), 'utf8')).toContain('id: object-storage');
  });

  it('keeps the JSON contract when the file is missing or too large, and says why on stderr', async () => {
    expect(await importCommand(['--format', 'gift', path.join(dir, 'nope.gift'), '--dry-run', '--json'])).toBe(1);
    expect(JSON.parse(out.join('\n'))).toEqual({ imported: 0, rejected: 1, lossy: 0, skipped: 0, items: [{ id: 'nope.gift', status: 'rejected', problems: [{ code: 'not-found', message: 'no such file' }] }], warnings: [] });
    expect(err.join('\n')).toContain('nope.gift: no such file');
    out.length = 0;
    const big = path.join(dir, 'big.gift');
    writeFileSync(big, 'x'.repeat(2 * 1024 * 1024));
    expect(await importCommand(['--format', 'gift', big, '--dry-run', '--json', '--max-file-mb', '1'])).toBe(1);
    const report = JSON.parse(out.join('\n'));
    expect(report.items[0]).toMatchObject({ id: 'big.gift', status: 'rejected', problems: [{ code: 'limit', message: 'file is 2.0 MB, larger than the limit of 1.0 MB (--max-file-mb)' }] });
  });

  it('--dry-run neither creates nor migrates a database', async () => {
    const db = path.join(dir, 'never.db');
    vi.stubEnv('DATABASE_URL', db);
    expect(await importCommand(['--format', 'aiken', `${FIXTURES}/real-world/aiken-utf8.txt`, '--dry-run'])).toBe(0);
    expect(out.at(-1)).toMatch(/^dry run: 1 imported/);
    expect(() => readFileSync(db)).toThrow();
  });
});

describe('problem places', () => {
  it('names a package member with its own line and column, and keeps XML paths after the place', async () => {
    expect(problemPlace('package.zip', { line: 12, column: 3, path: 'items/q1.xml' })).toBe('package.zip!items/q1.xml:12:3');
    expect(problemPlace('package.zip', { path: 'items/q1.xml#options.0' })).toBe('package.zip!items/q1.xml #options.0');
    expect(problemPlace('quiz.xml', { line: 4, column: 3, path: '/quiz/question[2]' })).toBe('quiz.xml:4:3 /quiz/question[2]');
    expect(problemPlace('quiz.gift', { line: 7, column: 1 })).toBe('quiz.gift:7:1');
  });
});
