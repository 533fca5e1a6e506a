import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../runtime/start-ts-worker.ts';
import type SQLite from 'better-sqlite3';
import { prepareSqliteBatch, type AnswerWrite, type BatchCommit, type BatchOutcome } from './repositories/answers.ts';

export interface SqliteCommitter {
  commit: BatchCommit;
  close(): Promise<void>;
  /** How many times the writer thread died and was started again. */
  restarts(): number;
  /** Ends the writer thread abruptly, as a crash would (tests of the restart). */
  crash(): Promise<void>;
}

/** Past this many restarts in a minute the writer gives up: saves fail with the error instead of looping. */
const MAX_RESTARTS_PER_MINUTE = 5;

/**
 * Autosave batches on SQLite. For a database file, a worker thread with its own connection commits
 * them (the fsync no longer stalls the server); for an in-memory database, which another connection
 * cannot open, they run in this thread. If the thread dies, a new one starts and the batches it had
 * not answered are sent again: a batch that did commit is answered as a replay (each write carries its
 * tab and sequence number), so no acknowledged answer is lost and none is applied twice.
 */
export function sqliteBatchCommit(sqlite: SQLite.Database, file: string, synchronous: 'FULL' | 'NORMAL'): SqliteCommitter {
  if (file === ':memory:') {
    const run = prepareSqliteBatch(sqlite);
    return { commit: async (writes) => run(writes), close: async () => {}, restarts: () => 0, crash: async () => {} };
  }
  const waiting = new Map<number, { writes: AnswerWrite[]; resolve: (o: BatchOutcome[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  let closing = false;
  let restarts = 0;
  const recent: number[] = [];
  let failure: Error | undefined;
  let worker: Worker;

  const start = () => {
    const w = startTsWorker(new URL('./sqlite-answer-worker.ts', import.meta.url), { file, synchronous });
    worker = w;
    w.on('message', (msg: { id: number; outcomes?: BatchOutcome[]; error?: string }) => {
      const p = waiting.get(msg.id);
      waiting.delete(msg.id);
      if (msg.error !== undefined) p?.reject(new Error(`saving answers failed: ${msg.error}`));
      else p?.resolve(msg.outcomes!);
    });
    const died = (e: Error) => {
      if (w !== worker || closing) return; // this thread was already replaced, or is being closed
      const now = Date.now();
      recent.push(now);
      while (recent[0]! < now - 60_000) recent.shift();
      if (recent.length > MAX_RESTARTS_PER_MINUTE) {
        failure = e;
        for (const p of waiting.values()) p.reject(e);
        waiting.clear();
        return;
      }
      restarts++;
      start();
      for (const [id, p] of waiting) worker.postMessage({ id, writes: p.writes });
    };
    w.on('error', died);
    w.on('exit', (code) => died(new Error(`the answer writer thread stopped (exit code ${code})`)));
    w.unref();
  };
  start();

  return {
    commit: (writes: AnswerWrite[]) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        const id = ++next;
        waiting.set(id, { writes, resolve, reject });
        worker.postMessage({ id, writes });
      }),
    close: async () => {
      closing = true;
      worker.postMessage('close');
      await new Promise((r) => worker.once('exit', r));
    },
    restarts: () => restarts,
    crash: async () => {
      await worker.terminate();
    },
  };
}
