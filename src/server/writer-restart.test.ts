import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileStoreApp, storedRevisions } from '../../test/helpers/file-store-app.ts';
import { anyAnswer } from '../../test/helpers/inject-client.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';

const exam = loadExam('mla-c02');
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the SQLite answer writer thread', () => {
  it('is started again when it dies, and the saves it had not answered are retried: no acknowledged answer is lost', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'writer-'));
    const { file, handle, built, client, view } = await fileStoreApp(dir, exam);
    const acked = new Map<number, number>();
    let seq = 0;
    const save = async (i: number) => {
      const item = view.items[i % view.items.length]!;
      const r = await client.req('PUT', `/api/attempts/${view.id}/answers/${item.position}`, { tab: 'tab-writer-restart', seq: ++seq, baseRevision: acked.get(item.position) ?? 0, answer: anyAnswer(item), flagged: false, struck: [] });
      expect(r.statusCode, r.body).toBe(200);
      acked.set(item.position, r.json().revision as number);
    };
    for (let i = 0; i < 5; i++) await save(i);
    // The thread dies between batches, then again while saves are waiting for it.
    await built.answerThread!.crash();
    for (let i = 5; i < 10; i++) await save(i);
    const inFlight = Promise.all([10, 11, 12].map((i) => save(i)));
    await built.answerThread!.crash();
    await inFlight;
    for (let i = 13; i < 20; i++) await save(i);
    expect(built.answerThread!.restarts()).toBe(2);
    await built.app.close();
    await handle.close();

    const stored = storedRevisions(file, view.id);
    expect(acked.size).toBe(20);
    expect([...acked].filter(([p, rev]) => stored.get(p) !== rev)).toEqual([]);
  }, 60_000);
});
