import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ScoreReport } from '../../core/api/contracts.ts';
import type { CorrectionKind } from '../../core/items/correct-key.ts';
import { entryExams, forExam } from '../../core/items/exam-tags.ts';
import { entryQuestions, type BankEntry, type Question } from '../../core/items/item-schema.ts';
import { scoreQuestion, type BankAnswer } from '../../core/scoring/score-question.ts';
import { answers } from '../../db/repositories/answers.ts';
import { attempts, type AttemptRecord } from '../../db/repositories/attempts.ts';
import { disputes } from '../../db/repositories/disputes.ts';
import { contentHash } from '../../db/repositories/items.ts';
import type { Database } from '../../db/schema.ts';
import type { BankService } from './bank-service.ts';
import { scoreLoaded } from './close-attempt.ts';

export interface ScoreLine {
  raw: number;
  scoredItems: number;
  scaled: number | null;
  passed: boolean | null;
}
const line = (r: ScoreReport): ScoreLine => ({ raw: r.raw, scoredItems: r.scoredItems, scaled: r.scaled, passed: r.passed });

/** The question as an attempt of `exam` sees it in `entry` (its tags for that exam). */
function questionIn(entry: BankEntry, itemId: string, exam: string): Question | undefined {
  const tagged = forExam(entry, exam) ?? entry;
  return entryQuestions(tagged as BankEntry).find((q) => q.id === itemId);
}

/**
 * Makes `entry` (a corrected version of the entry holding question `itemId`) the current version and
 * re-scores every submitted attempt that answered an earlier version, with the rules it was scored by;
 * open attempts move to the new version so they are scored by it. Every response to the question is
 * re-marked against the new key. Each re-scored attempt's owner gets a notice (score before and after).
 * The reports are computed first, then everything is written in one transaction (the change with them).
 */
export async function applyCorrection(
  deps: { db: Kysely<Database>; bank: BankService; now: () => number },
  input: { itemId: string; entry: BankEntry; kind: CorrectionKind; summary: string },
  /** More to write in the same transaction (the disputes it resolves). */
  alsoWrite: (trx: Kysely<Database>) => Promise<void> = async () => {},
): Promise<{ changeId: string; versionId: string; rescored: number }> {
  const { db, bank } = deps;
  const current = bank.current(input.itemId);
  if (!current) throw new Error(`question ${input.itemId} is not in the bank`);
  const hash = contentHash(input.entry);
  const versionId = `${current.collection}:${input.entry.id}@${hash.slice(0, 16)}`;
  const now = deps.now();

  const records = (await Promise.all((await disputes.attemptsWithItem(db, input.itemId)).map((a) => attempts.byId(db, a.id)))).filter(
    (r): r is AttemptRecord => !!r && r.status !== 'abandoned' && r.form.some((e) => e.itemId === input.itemId && e.versionId !== versionId),
  );
  const rescored: { record: AttemptRecord; form: AttemptRecord['form']; report: ScoreReport; before: ScoreLine }[] = [];
  const moved: { id: string; form: AttemptRecord['form'] }[] = [];
  for (const record of records) {
    const form = record.form.map((e) => (e.itemId === input.itemId ? { ...e, versionId } : e));
    if (record.status !== 'submitted' || !record.report) {
      moved.push({ id: record.id, form });
      continue;
    }
    const questions = await bank.resolve(record.form, record.exam);
    const fixed = questionIn(input.entry, input.itemId, record.exam);
    if (!fixed) continue;
    questions.set(input.itemId, { ...questions.get(input.itemId)!, question: fixed, versionId });
    const stored = new Map((await answers.byAttempt(db, record.id)).map((a) => [a.position, a.answer]));
    const report = scoreLoaded(bank, { record: { ...record, form }, questions }, stored, record.submittedMs ?? record.startedMs);
    rescored.push({ record, form, report, before: line(JSON.parse(record.report) as ScoreReport) });
  }
  const fixedAnywhere = entryQuestions(input.entry).find((q) => q.id === input.itemId)!;
  const responseRows = await db.selectFrom('responses').select(['attempt_id', 'position', 'answer', 'correct']).where('item_id', '=', input.itemId).execute();

  const changeId = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('item_versions').values({ id: versionId, item_id: input.entry.id, collection: current.collection, hash, content: JSON.stringify(input.entry), created_ms: now }).onConflict((oc) => oc.column('id').doNothing()).execute();
    // The file's hash (content_hash) stays: the correction is current until the content file itself changes.
    await trx.updateTable('items').set({ version_id: versionId, updated_ms: now }).where('collection', '=', current.collection).where('item_id', '=', input.entry.id).execute();
    await disputes.insertChange(trx, { id: changeId, item_id: input.itemId, exams: JSON.stringify(entryExams(input.entry) ?? []), kind: input.kind, from_version: current.versionId, to_version: versionId, summary: input.summary, created_ms: now });
    for (const m of moved) await trx.updateTable('attempts').set({ form: JSON.stringify(m.form) }).where('id', '=', m.id).execute();
    for (const r of rescored) {
      await trx.updateTable('attempts').set({ form: JSON.stringify(r.form) }).where('id', '=', r.record.id).execute();
      await attempts.saveReport(trx, r.record.id, { report: JSON.stringify(r.report), scaled: r.record.kind === 'practice' ? null : r.report.scaled, passed: r.record.kind === 'mock' ? r.report.passed : null });
      await disputes.insertNotice(trx, { attempt_id: r.record.id, change_id: changeId, user_id: r.record.userId, before: JSON.stringify(r.before), after: JSON.stringify(line(r.report)), created_ms: now, seen_ms: null });
    }
    for (const row of responseRows) {
      const correct = scoreQuestion(fixedAnywhere, row.answer === null ? null : (JSON.parse(row.answer) as BankAnswer)) ? 1 : 0;
      if (correct !== row.correct) await trx.updateTable('responses').set({ correct }).where('attempt_id', '=', row.attempt_id).where('position', '=', row.position).execute();
    }
    await alsoWrite(trx);
  });
  await bank.refresh();
  return { changeId, versionId, rescored: rescored.length };
}
