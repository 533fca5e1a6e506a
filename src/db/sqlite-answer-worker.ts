// The SQLite answer writer's thread: it owns a second connection to the database file and commits
// the batches the main thread sends, so that the main thread keeps serving requests while a batch
// is being fsynced. One batch at a time: the next batch forms while this one commits.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { prepareSqliteBatch, type AnswerWrite } from './repositories/answers.ts';

const { file, synchronous } = workerData as { file: string; synchronous: 'FULL' | 'NORMAL' };
const sqlite = new SQLite(file);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma(`synchronous = ${synchronous}`);
sqlite.pragma('busy_timeout = 5000');
const commit = prepareSqliteBatch(sqlite);

parentPort!.on('message', (msg: { id: number; writes: AnswerWrite[] } | 'close') => {
  if (msg === 'close') {
    sqlite.close();
    parentPort!.close();
    return;
  }
  try {
    parentPort!.postMessage({ id: msg.id, outcomes: commit(msg.writes) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
