import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../content/load-content.ts';
import { normalizeEntry } from '../common/lost-fields.ts';
import { IMPORT_FORMATS, writeFormat } from './import-formats.ts';
import { applyImport, planImport, type ImportStore } from './plan-import.ts';
import { YamlDirStore } from './yaml-dir-store.ts';

const FIXTURES = 'test/fixtures/interchange';
const bytes = (s: string | Uint8Array) => (typeof s === 'string' ? strToU8(s) : s);

/** An in-memory store, to observe exactly what the apply step saves. */
class MemoryStore implements ImportStore {
  saved: { collection: string; ids: string[]; update: boolean }[] = [];
  constructor(private readonly ids: string[] = []) {}
  async existingIds(): Promise<Set<string>> {
    return new Set(this.ids);
  }
  async saveItems(collection: string, entries: { id: string }[], options: { update: boolean }): Promise<void> {
    this.saved.push({ collection, ids: entries.map((e) => e.id), update: options.update });
  }
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('planImport / applyImport', () => {
  it('reports each item of a foreign Moodle file: imported, lossy, rejected, skipped', async () => {
    const plan = await planImport(readFileSync(`${FIXTURES}/foreign/quiz-moodle.xml`), undefined, { format: 'moodle', collection: 'lms' });
    expect(plan.report).toMatchObject({ imported: 3, rejected: 1, lossy: 1, skipped: 1 });
    expect(plan.report.items.map((i) => [i.id, i.status])).toEqual([
      ['object-storage', 'imported'],
      ['three-options-only', 'imported'],
      ['no-key', 'rejected'],
      ['describe-a-pipeline', 'skipped'],
      ['pipeline-image', 'lossy'],
    ]);
    // Three options: kept for practice, with a warning that it is not the exam's shape.
    expect(plan.report.items[1]!.problems[0]).toEqual({ code: 'option-count', message: 'a multiple-choice item has exactly 4 options, found 3: it serves practice, never a mock', line: 15, column: 3, path: '/quiz/question[3]#options' });
    expect(plan.report.items[2]!.problems).toContainEqual(expect.objectContaining({ code: 'key-count', message: 'a multiple-choice item has exactly 1 correct option, found 0' }));
    expect(plan.report.items[4]!.problems).toContainEqual(expect.objectContaining({ code: 'lossy', message: 'dropped: images' }));
    // Atomic: one rejected item means nothing is written...
    expect(plan.applicable).toBe(false);
    const store = new MemoryStore();
    await expect(applyImport(plan, store)).rejects.toThrow('nothing was written');
    expect(store.saved).toEqual([]);
    // ...unless --skip-invalid.
    const lenient = await planImport(readFileSync(`${FIXTURES}/foreign/quiz-moodle.xml`), store, { format: 'moodle', collection: 'lms', skipInvalid: true });
    await applyImport(lenient, store);
    expect(store.saved).toEqual([{ collection: 'lms', ids: ['object-storage', 'three-options-only', 'pipeline-image'], update: false }]);
  });

  it('skips ids already in the collection unless --update', async () => {
    const input = readFileSync(`${FIXTURES}/foreign/quiz-moodle.xml`);
    const store = new MemoryStore(['object-storage']);
    const plan = await planImport(input, store, { format: 'moodle', collection: 'lms', skipInvalid: true });
    expect(plan.report.items[0]).toMatchObject({ id: 'object-storage', status: 'skipped' });
    expect(plan.report.items[0]!.problems).toContainEqual({ code: 'exists', message: 'already in collection "lms" (use --update to replace it)' });
    const update = await planImport(input, store, { format: 'moodle', collection: 'lms', skipInvalid: true, update: true });
    expect(update.report.items[0]!.status).toBe('imported');
  });

  it('refuses a package over the lowered unpacked limit as one rejected file entry', async () => {
    const bomb = zipSync({ 'imsmanifest.xml': strToU8('<manifest/>'), 'items/big.xml': new Uint8Array(2 * 1024 * 1024) }, { level: 9 });
    const plan = await planImport(bomb, undefined, { format: 'qti', collection: 'x', file: 'bomb.zip', limits: { maxFileBytes: 1 << 20, maxUnpackedBytes: 1 << 20, maxEntries: 10 } });
    expect(plan.report).toEqual({ imported: 0, rejected: 1, lossy: 0, skipped: 0, items: [{ id: 'bomb.zip', status: 'rejected', problems: [expect.objectContaining({ code: 'limit' })] }], warnings: [] });
    const big = await planImport(new Uint8Array(2048), undefined, { format: 'gift', collection: 'x', file: 'big.gift', limits: { maxFileBytes: 1024, maxUnpackedBytes: 1 << 20, maxEntries: 10 } });
    expect(big.report.items[0]!.problems[0]!.message).toContain('--max-file-mb');
  });

  it('round-trips the fixture bank through every format and saves it as content files that validate', async () => {
    const bank = await loadContent(`${FIXTURES}/bank`);
    expect(bank.problems.filter((p) => p.severity === 'error')).toEqual([]);
    for (const format of IMPORT_FORMATS) {
      const written = writeFormat(format, bank.entries);
      const plan = await planImport(bytes(written.output), undefined, { format, collection: 'rt', exams: bank.exams });
      expect(plan.report.rejected).toBe(0);
      const lossless = new Set(bank.entries.map((e) => e.id).filter((id) => !written.problems.some((p) => p.itemId === id)));
      for (const e of plan.entries.filter((x) => lossless.has(x.id))) expect(normalizeEntry(e)).toEqual(normalizeEntry(bank.entries.find((b) => b.id === e.id)));
      if (format === 'qti' || format === 'csv') expect(lossless.size).toBe(bank.entries.length);
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'store-'));
    dirs.push(dir);
    const store = new YamlDirStore(dir);
    const plan = await planImport(bytes(writeFormat('qti', bank.entries).output), store, { format: 'qti', collection: 'from-qti', exams: bank.exams });
    await applyImport(plan, store);
    expect([...(await store.existingIds('from-qti'))]).toEqual(bank.entries.map((e) => e.id));
    const reread = await loadContent(path.join(dir, 'from-qti.yaml'));
    expect(reread.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(reread.entries.map(normalizeEntry)).toEqual(bank.entries.map(normalizeEntry));
    await expect(new YamlDirStore(dir).existingIds('../escape')).rejects.toThrow('collection name');
  });
});
