import type { Kysely } from 'kysely';
import { scoreAttempt } from '../../core/scoring/score-attempt.ts';
import { isAnswered, scoreQuestion, type BankAnswer } from '../../core/scoring/score-question.ts';
import type { ScoreReport } from '../../core/api/contracts.ts';
import { answers } from '../../db/repositories/answers.ts';
import { attempts } from '../../db/repositories/attempts.ts';
import { revealedKeys } from '../../db/repositories/revealed-keys.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, conflict } from '../errors.ts';
import type { Loaded } from './attempt-loader.ts';
import type { BankService } from './bank-service.ts';
import { mockTime } from './mock-time.ts';
import { recordResponses } from './record-responses.ts';

/**
 * The report of an attempt from its questions and stored answers, as submitted at `submittedMs`: the same
 * rules at submission and when a corrected key re-scores it.
 */
export function scoreLoaded(bank: BankService, loaded: Loaded, answerMap: Map<number, BankAnswer | null>, submittedMs: number): ScoreReport {
  const { record, questions } = loaded;
  const exam = bank.exam(record.exam);
  if (!exam) throw new AppError(500, 'exam-missing', `The exam ${record.exam} is no longer defined.`);
  const qs = new Map([...questions].map(([k, v]) => [k, v.question]));
  const cases = new Map([...questions.values()].filter((v) => v.caseStudy).map((v) => [v.caseStudy!.id, v.caseStudy!]));
  const scored = scoreAttempt({ attemptId: record.id, kind: record.kind, exam, entries: record.form, questions: qs, cases, answers: answerMap, submittedAt: new Date(submittedMs), irt: bank.irt(exam.id, { allowProvisional: record.kind === 'quick' }) });
  return record.kind === 'mock' && record.profile ? { ...scored, timing: mockTime(exam, record.profile, record.accommodation, record.extraMinutes) } : scored;
}

/**
 * Scores and closes an attempt in one transaction: claims it, scores the stored answers, records the
 * responses and the review schedule, reveals the keys its report shows and stores the report. Throws
 * `attempt-submitted` when another request closed it first. The caller flushes pending saves first.
 */
export async function closeAttempt(deps: { db: Kysely<Database>; bank: BankService; now: () => number }, loaded: Loaded): Promise<void> {
  const { record, questions } = loaded;
  const now = deps.now();
  const exam = deps.bank.exam(record.exam);
  if (!exam) throw new AppError(500, 'exam-missing', `The exam ${record.exam} is no longer defined.`);
  await deps.db.transaction().execute(async (trx) => {
    // Claim the attempt first: from here on the answer writer sees it closed, so no save can land
    // after the answers below are read (and a second submission gives up here).
    const claimed = await attempts.submit(trx, record.id, { now, report: null, scaled: null, passed: null });
    if (!claimed) throw conflict('attempt-submitted', 'This attempt was already submitted.');
    const stored = new Map((await answers.byAttempt(trx, record.id)).map((a) => [a.position, a]));
    const report = scoreLoaded(deps.bank, loaded, new Map([...stored].map(([p, a]) => [p, a.answer])), now);
    // Practice finished early leaves the untouched questions unseen: no response, no review card,
    // no key revealed. A mock or quick check counts an unanswered question wrong, as the exam does.
    const counted = record.kind === 'practice' ? record.form.filter((e) => isAnswered(stored.get(e.position)?.answer)) : record.form;
    const unchecked = counted.filter((e) => !stored.get(e.position)?.checked);
    await recordResponses(
      trx,
      record,
      unchecked.map((e) => {
        const answer = stored.get(e.position)?.answer ?? null;
        return { entry: e, versionId: e.versionId, answer, correct: scoreQuestion(questions.get(e.itemId)!.question, answer) };
      }),
      now,
    );
    // The report shows every key of the attempt from now on.
    await revealedKeys.record(trx, record.userId, counted.map((e) => e.itemId), now);
    // The history shows a mock's score and result, and a quick check's estimate (not a pass or fail).
    const isMock = record.kind === 'mock';
    await attempts.saveReport(trx, record.id, { report: JSON.stringify(report), scaled: record.kind === 'practice' ? null : report.scaled, passed: isMock ? report.passed : null });
  });
}
