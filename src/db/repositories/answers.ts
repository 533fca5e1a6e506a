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

type Row = Database['answers'];
const toStored = (r: Row): StoredAnswer => ({
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

export const answers = {
  /**
   * Writes one answer if it is based on the current revision (compare-and-set in one upsert).
   * When it is not: the same tab re-sending a save it already made (same or older seq) is a replay and
   * is acknowledged again; anything else is stale and gets the current answer back.
   */
  async write(db: Db, w: AnswerWrite): Promise<WriteOutcome> {
    const revision = w.baseRevision + 1;
    const values = {
      answer: w.answer === null ? null : JSON.stringify(w.answer),
      flagged: w.flagged ? 1 : 0,
      struck: JSON.stringify(w.struck),
      revision,
      last_tab: w.tab,
      last_seq: w.seq,
      updated_ms: w.now,
    };
    const done = await db
      .insertInto('answers')
      .values({ attempt_id: w.attemptId, position: w.position, checked: 0, ...values })
      .onConflict((oc) => oc.columns(['attempt_id', 'position']).doUpdateSet(values).where('answers.revision', '=', w.baseRevision).where('answers.checked', '=', 0))
      .returning('revision')
      .executeTakeFirst();
    if (done) return { kind: 'saved', revision: done.revision };
    const row = await db.selectFrom('answers').selectAll().where('attempt_id', '=', w.attemptId).where('position', '=', w.position).executeTakeFirstOrThrow();
    const current = toStored(row);
    if (current.lastTab === w.tab && current.lastSeq >= w.seq) return { kind: 'replay', revision: current.revision };
    return { kind: 'stale', current };
  },
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
