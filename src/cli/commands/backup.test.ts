import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { fileStoreApp, storedRevisions } from '../../../test/helpers/file-store-app.ts';
import { anyAnswer } from '../../../test/helpers/inject-client.ts';
import { loadExam } from '../../../test/helpers/load-exam.ts';

const exam = loadExam('mla-c02');
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real command line in another process, as an operator would while the server runs. */
function certprep(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

describe('certprep backup / restore (SQLite)', () => {
  it('backs up while answers keep being saved, and restores every answer acknowledged before the backup began', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'backup-'));
    const { file, handle, built, client, view } = await fileStoreApp(dir, exam, 'live.db');
    const revision = new Map<number, number>();
    let seq = 0;
    let saving = true;
    const saveLoop = (async () => {
      while (saving) {
        const item = view.items[seq % view.items.length]!;
        const r = await client.req('PUT', `/api/attempts/${view.id}/answers/${item.position}`, { tab: 'tab-backup-test', seq: ++seq, baseRevision: revision.get(item.position) ?? 0, answer: anyAnswer(item), flagged: seq % 2 === 0, struck: [] });
        expect(r.statusCode, r.body).toBe(200);
        revision.set(item.position, r.json().revision as number);
      }
    })();
    while (seq < 50) await new Promise((r) => setTimeout(r, 5));
    const ackedBefore = new Map(revision);
    const seqAtStart = seq;
    const backup = path.join(dir, 'backup.db');
    const result = await certprep(['backup', backup, '--database', file]);
    const savesDuring = seq;
    await new Promise((r) => setTimeout(r, 50));
    saving = false;
    await saveLoop;
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/^backed up .* to .*backup\.db \(\d+ KB\)/);
    expect(savesDuring).toBeGreaterThan(seqAtStart); // answers were saved while the backup ran
    await built.app.close();
    await handle.close();

    // Again to the same file: refused, nothing overwritten.
    expect((await certprep(['backup', backup, '--database', file])).out).toContain('already exists');

    const restored = path.join(dir, 'restored.db');
    writeFileSync(restored, 'an old store');
    const back = await certprep(['restore', backup, '--database', restored]);
    expect(back.code, back.out).toBe(0);
    const stored = storedRevisions(restored, view.id);
    const missing = [...ackedBefore].filter(([position, rev]) => (stored.get(position) ?? 0) < rev);
    expect(ackedBefore.size).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  }, 60_000);

  it('refuses to restore a file that is not a certprep store, leaving the store as it was', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'backup-'));
    const bogus = path.join(dir, 'notes.db');
    new SQLite(bogus).exec('create table notes (t text)');
    const store = path.join(dir, 'store.db');
    writeFileSync(store, 'untouched');
    const r = await certprep(['restore', bogus, '--database', store]);
    expect([r.code, r.out.trim()]).toEqual([1, `certprep restore: ${bogus} is not a certprep store (no migrations table)`]);
    expect(readFileSync(store, 'utf8')).toBe('untouched');
    expect((await certprep(['backup', path.join(dir, 'x.db'), '--database', 'postgres://localhost/certprep'])).out).toContain('pg_dump');
  }, 60_000);
});
