import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { BankAnswer } from '../../core/scoring/score-question.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export interface StoredAnswer {
  position: number;
  answer: BankAnswer | null;
  flagged: boolean;
  struck: string[];
  revision: number;
  checked: boolean;
  lastTab: string;
  lastSeq: number;
  updatedMs: number;
}

export interface AnswerWrite {
  attemptId: string;
  position: number;
  tab: string;
  seq: number;
  baseRevision: number;
  answer: BankAnswer | null;
  flagged: boolean;
  struck: string[];
  now: number;
}

export type WriteOutcome = { kind: 'saved'; revision: number } | { kind: 'replay'; revision: number } | { kind: 'stale'; current: StoredAnswer };
/** A batch of writes committed together; `closed` for an attempt no longer open. */
export type BatchOutcome = WriteOutcome | { kind: 'closed' };
export type BatchCommit = (writes: AnswerWrite[]) => Promise<BatchOutcome[]>;

type Row = Database['answers'];
export const toStored = (r: Row): StoredAnswer => ({
  position: r.position,
  answer: r.answer === null ? null : (JSON.parse(r.answer) as BankAnswer),
  flagged: r.flagged === 1,
  struck: JSON.parse(r.struck) as string[],
  revision: r.revision,
  checked: r.checked === 1,
  lastTab: r.last_tab,
  lastSeq: r.last_seq,
  updatedMs: Number(r.updated_ms),
});

/** A save that was not written: the same tab re-sending one it already made (same or older seq) is a replay, acknowledged again; anything else is stale and gets the current answer back. */
export const notWritten = (c: StoredAnswer, w: AnswerWrite): WriteOutcome => (c.lastTab === w.tab && c.lastSeq >= w.seq ? { kind: 'replay', revision: c.revision } : { kind: 'stale', current: c });

export const answers = {
  async byAttempt(db: Db, attemptId: string): Promise<StoredAnswer[]> {
    const rows = await db.selectFrom('answers').selectAll().where('attempt_id', '=', attemptId).orderBy('position').execute();
    return rows.map(toStored);
  },
  async markChecked(db: Db, attemptId: string, position: number, now: number): Promise<void> {
    await db
      .insertInto('answers')
      .values({ attempt_id: attemptId, position, answer: null, flagged: 0, struck: '[]', revision: 1, checked: 1, last_tab: 'server', last_seq: 0, updated_ms: now })
      .onConflict((oc) => oc.columns(['attempt_id', 'position']).doUpdateSet({ checked: 1, updated_ms: now }))
      .execute();
  },
};

/**
 * The SQLite hot path: the compare-and-set upsert of PostgreSQL's batch (`answers-postgres-batch.ts`), through statements
 * prepared once and run in one synchronous IMMEDIATE transaction (one fsync per batch). Kysely would
 * compile and prepare every statement again, which costs more than the write itself at thousands of
 * saves a second. Used in the answer worker thread, or in-thread for an in-memory database.
 */
export function prepareSqliteBatch(sqlite: SQLite.Database): (writes: AnswerWrite[]) => BatchOutcome[] {
  const isOpen = sqlite.prepare<[string], { status: string }>('select status from attempts where id = ?');
  const upsert = sqlite.prepare<unknown[], { revision: number }>(
    `insert into answers (attempt_id, position, answer, flagged, struck, revision, checked, last_tab, last_seq, updated_ms)
     values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
     on conflict (attempt_id, position) do update set answer = excluded.answer, flagged = excluded.flagged, struck = excluded.struck,
       revision = excluded.revision, last_tab = excluded.last_tab, last_seq = excluded.last_seq, updated_ms = excluded.updated_ms
     where answers.revision = ? and answers.checked = 0
     returning revision`,
  );
  const current = sqlite.prepare<[string, number], Row>('select * from answers where attempt_id = ? and position = ?');
  const run = sqlite.transaction((writes: AnswerWrite[]): BatchOutcome[] => {
    const open = new Map<string, boolean>();
    return writes.map((w) => {
      let ok = open.get(w.attemptId);
      if (ok === undefined) open.set(w.attemptId, (ok = isOpen.get(w.attemptId)?.status === 'open'));
      if (!ok) return { kind: 'closed' };
      const done = upsert.get(w.attemptId, w.position, w.answer === null ? null : JSON.stringify(w.answer), w.flagged ? 1 : 0, JSON.stringify(w.struck), w.baseRevision + 1, w.tab, w.seq, w.now, w.baseRevision);
      if (done) return { kind: 'saved', revision: done.revision };
      return notWritten(toStored(current.get(w.attemptId, w.position)!), w);
    });
  });
  // IMMEDIATE takes the write lock first, so a batch never fails on a snapshot another connection moved.
  return (writes) => run.immediate(writes);
}
