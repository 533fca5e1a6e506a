import { startTsWorker } from '../runtime/start-ts-worker.ts';
import type SQLite from 'better-sqlite3';
import { prepareSqliteBatch, type AnswerWrite, type BatchCommit, type BatchOutcome } from './repositories/answers.ts';

export interface SqliteCommitter {
  commit: BatchCommit;
  close(): Promise<void>;
}

/**
 * Autosave batches on SQLite. For a database file, a worker thread with its own connection commits
 * them (the fsync no longer stalls the server); for an in-memory database, which another connection
 * cannot open, they run in this thread.
 */
export function sqliteBatchCommit(sqlite: SQLite.Database, file: string, synchronous: 'FULL' | 'NORMAL'): SqliteCommitter {
  if (file === ':memory:') {
    const run = prepareSqliteBatch(sqlite);
    return { commit: async (writes) => run(writes), close: async () => {} };
  }
  const worker = startTsWorker(new URL('./sqlite-answer-worker.ts', import.meta.url), { file, synchronous });
  const waiting = new Map<number, { resolve: (o: BatchOutcome[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.on('message', (msg: { id: number; outcomes?: BatchOutcome[]; error?: string }) => {
    const w = waiting.get(msg.id);
    waiting.delete(msg.id);
    if (msg.error !== undefined) w?.reject(new Error(`saving answers failed: ${msg.error}`));
    else w?.resolve(msg.outcomes!);
  });
  let failure: Error | undefined;
  const fail = (e: Error) => {
    failure = e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the answer writer thread stopped (exit code ${code})`)));
  worker.unref();
  return {
    commit: (writes: AnswerWrite[]) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        const id = ++next;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, writes });
      }),
    close: async () => {
      worker.postMessage('close');
      await new Promise((r) => worker.once('exit', r));
    },
  };
}
