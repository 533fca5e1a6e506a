import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { notWritten, toStored, type AnswerWrite, type BatchCommit, type BatchOutcome } from './answers.ts';

type Db = Kysely<Database>;
type Row = Database['answers'];

/**
 * Autosave batches on PostgreSQL, in one round trip each: one statement (its own transaction, one WAL
 * flush) writes every save of the batch whose attempt is open, compare-and-set on the revision it was
 * based on. A transaction of its own (BEGIN, a read of the attempts, the upsert, COMMIT) took four round
 * trips, each a wait for the server's process on a busy machine. The attempts are read `FOR SHARE`
 * within the statement: a save waits for a submission in progress, and is then refused, so it never
 * lands after its attempt was scored. The rare saves not written (replays, stale, closed attempts) are
 * told apart by one more read. Two saves of the same question in one batch go in successive rounds.
 */
export function postgresBatchCommit(db: Db): BatchCommit {
  return async (writes) => {
    const out: BatchOutcome[] = new Array(writes.length);
    let pending = writes.map((_, i) => i);
    while (pending.length) {
      const seen = new Set<string>();
      const round: number[] = [];
      const later: number[] = [];
      for (const i of pending) {
        const key = keyOf(writes[i]!);
        (seen.has(key) ? later : round).push(i);
        seen.add(key);
      }
      const outcomes = await writeRound(db, round.map((i) => writes[i]!));
      round.forEach((i, k) => (out[i] = outcomes[k]!));
      pending = later;
    }
    return out;
  };
}

const keyOf = (w: { attemptId: string; position: number }) => `${w.attemptId} ${w.position}`;

async function writeRound(db: Db, ws: AnswerWrite[]): Promise<BatchOutcome[]> {
  const { rows: written } = await sql<{ attempt_id: string; position: number; revision: number }>`
    insert into answers (attempt_id, position, answer, flagged, struck, revision, checked, last_tab, last_seq, updated_ms)
    select w.attempt_id, w.position, w.answer, w.flagged, w.struck, w.revision, 0, w.last_tab, w.last_seq, w.updated_ms
    from unnest(
      ${ws.map((w) => w.attemptId)}::text[], ${ws.map((w) => w.position)}::integer[], ${ws.map((w) => (w.answer === null ? null : JSON.stringify(w.answer)))}::text[],
      ${ws.map((w) => (w.flagged ? 1 : 0))}::integer[], ${ws.map((w) => JSON.stringify(w.struck))}::text[], ${ws.map((w) => w.baseRevision + 1)}::integer[],
      ${ws.map((w) => w.tab)}::text[], ${ws.map((w) => w.seq)}::integer[], ${ws.map((w) => w.now)}::bigint[]
    ) as w(attempt_id, position, answer, flagged, struck, revision, last_tab, last_seq, updated_ms)
    join attempts a on a.id = w.attempt_id
    where a.status = 'open'
    for share of a
    on conflict (attempt_id, position) do update set answer = excluded.answer, flagged = excluded.flagged, struck = excluded.struck,
      revision = excluded.revision, last_tab = excluded.last_tab, last_seq = excluded.last_seq, updated_ms = excluded.updated_ms
    where answers.revision = excluded.revision - 1 and answers.checked = 0
    returning attempt_id, position, revision`.execute(db);
  const saved = new Map(written.map((r) => [keyOf({ attemptId: r.attempt_id, position: r.position }), r.revision]));
  const missed = ws.filter((w) => !saved.has(keyOf(w)));
  const current = new Map<string, { status: string; answer: Row | null }>();
  if (missed.length) {
    const { rows } = await sql<Row & { status: string; k_attempt: string; k_position: number }>`
      select k.attempt_id as k_attempt, k.position as k_position, a.status, ans.*
      from unnest(${missed.map((w) => w.attemptId)}::text[], ${missed.map((w) => w.position)}::integer[]) as k(attempt_id, position)
      join attempts a on a.id = k.attempt_id
      left join answers ans on ans.attempt_id = k.attempt_id and ans.position = k.position`.execute(db);
    for (const r of rows) current.set(keyOf({ attemptId: r.k_attempt, position: r.k_position }), { status: r.status, answer: r.attempt_id === null ? null : r });
  }
  return ws.map((w): BatchOutcome => {
    const revision = saved.get(keyOf(w));
    if (revision !== undefined) return { kind: 'saved', revision };
    const c = current.get(keyOf(w));
    // Not written while open with no answer stored cannot happen (the insert would have made it); closed covers a deleted attempt too.
    if (!c || c.status !== 'open' || !c.answer) return { kind: 'closed' };
    return notWritten(toStored(c.answer), w);
  });
}
