import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { AttemptView } from '../../src/core/api/contracts.ts';
import type { ExamDefinition } from '../../src/core/exam/exam-schema.ts';
import { createDatabase, migrateToLatest } from '../../src/db/create-database.ts';
import { items } from '../../src/db/repositories/items.ts';
import { buildApp } from '../../src/server/build-app.ts';
import { InjectClient } from './inject-client.ts';
import { syntheticBank } from './synthetic-bank.ts';

/**
 * An app on a SQLite file in `dir` (so autosaves go through the writer thread, as in production), a candidate
 * signed in with a practice of 20 questions open, and a way to read the stored revision of each answer.
 */
export async function fileStoreApp(dir: string, exam: ExamDefinition, name = 'store.db') {
  const file = path.join(dir, name);
  const handle = createDatabase({ url: file });
  await migrateToLatest(handle.db);
  await items.load(handle.db, 'bank', syntheticBank(exam, 8, 0), 0);
  const built = await buildApp({ db: handle.db, sqlite: handle.sqlite, exams: [exam] });
  const client = new InjectClient(built.app);
  await client.signUp('ann@example.com');
  const view = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: exam.id, count: 20, feedback: 'end' })).json() as AttemptView;
  return { file, handle, built, client, view };
}

/** The revision stored for each position of an attempt, read from a SQLite file. */
export function storedRevisions(file: string, attemptId: string): Map<number, number> {
  const db = new SQLite(file, { readonly: true });
  try {
    return new Map((db.prepare('select position, revision from answers where attempt_id = ?').all(attemptId) as { position: number; revision: number }[]).map((r) => [r.position, r.revision]));
  } finally {
    db.close();
  }
}
