import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AttemptView } from '../../core/api/contracts.ts';
import { accountsApp } from '../../../test/helpers/accounts-app.ts';
import { loadExam } from '../../../test/helpers/load-exam.ts';
import { STORES, useStores } from '../../../test/helpers/stores.ts';
import { postgresBatchCommit } from './answers-postgres-batch.ts';
import type { AnswerWrite } from './answers.ts';

const exam = loadExam('mla-c02');
const stores = useStores();

// PostgreSQL's path (SQLite commits through prepared statements in its writer thread).
describe.each(STORES.filter((s) => s === 'postgres'))('a batch of saves in one statement, on %s', (store) => {
  it('writes compare-and-set, answers replays and stale saves, takes two saves of one question in turn, and refuses a closed attempt', async () => {
    const { signUp, db } = await accountsApp(stores, store, { exam, t0: Date.parse('2026-12-03T09:00:00Z') });
    const ann = await signUp('ann@example.com');
    const open = (await ann.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c02', count: 4, feedback: 'end' })).json() as AttemptView;
    const done = (await ann.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c02', count: 4, feedback: 'end' })).json() as AttemptView;
    expect((await ann.req('POST', `/api/attempts/${done.id}/abandon`)).statusCode).toBeLessThan(300);
    const save = (over: Partial<AnswerWrite>): AnswerWrite => ({ attemptId: open.id, position: 0, tab: 'tab-a', seq: 1, baseRevision: 0, answer: { choice: 'x' } as never, flagged: false, struck: [], now: 1, ...over });
    const commit = postgresBatchCommit(db);
    const out = await commit([
      save({ seq: 1, baseRevision: 0 }),
      save({ position: 1, seq: 2, baseRevision: 0 }),
      // The same question again, based on the first save: written in a second round.
      save({ seq: 3, baseRevision: 1, flagged: true }),
      // The first save re-sent by its tab: a replay; another tab's save on an old revision: stale.
      save({ seq: 1, baseRevision: 0 }),
      save({ tab: 'tab-b', seq: 9, baseRevision: 1 }),
      save({ attemptId: done.id }),
    ]);
    expect(out.map((o) => (o.kind === 'stale' ? `stale at ${o.current.revision}${o.current.flagged ? ' flagged' : ''}` : o.kind === 'closed' ? 'closed' : `${o.kind} ${o.revision}`))).toEqual(['saved 1', 'saved 1', 'saved 2', 'replay 2', 'stale at 2 flagged', 'closed']);
    const rows = await db.selectFrom('answers').select(['position', 'revision', 'last_seq']).where('attempt_id', '=', open.id).orderBy('position').execute();
    expect(rows).toEqual([{ position: 0, revision: 2, last_seq: 3 }, { position: 1, revision: 1, last_seq: 2 }]);
  });

  it('waits for a submission in progress, then refuses the save: an answer never lands after its attempt was scored', async () => {
    const { signUp, db } = await accountsApp(stores, store, { exam, t0: Date.parse('2026-12-03T09:00:00Z') });
    const ann = await signUp('ann@example.com');
    const open = (await ann.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c02', count: 4, feedback: 'end' })).json() as AttemptView;
    const commit = postgresBatchCommit(db);
    await db.connection().execute(async (submitter) => {
      // Another connection claims the attempt, as a submission does at the start of its transaction, and holds the row.
      await sql`begin`.execute(submitter);
      await sql`update attempts set status = 'submitted' where id = ${open.id} and status = 'open'`.execute(submitter);
      let settled = false;
      const saving = commit([{ attemptId: open.id, position: 0, tab: 'tab-a', seq: 1, baseRevision: 0, answer: { choice: 'x' } as never, flagged: false, struck: [], now: 1 }]).finally(() => (settled = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false);
      await sql`commit`.execute(submitter);
      expect(await saving).toEqual([{ kind: 'closed' }]);
    });
    expect(await db.selectFrom('answers').select('position').where('attempt_id', '=', open.id).execute()).toEqual([]);
  });
});
