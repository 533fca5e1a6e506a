import type { Kysely } from 'kysely';
import type { AttemptView, QuestionTime, ScoreReport, User } from '../../core/api/contracts.ts';
import type { ExamDefinition } from '../../core/exam/exam-schema.ts';
import { paceSummary } from '../../core/learn/study-time.ts';
import { attempts } from '../../db/repositories/attempts.ts';
import { questionTime } from '../../db/repositories/question-time.ts';
import type { Database } from '../../db/schema.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import type { BankService } from './bank-service.ts';

/** The real exam's time per question: its standard profile's minutes over its questions (2 minutes for both versions). */
export function targetPerQuestionMs(exam: ExamDefinition): number {
  const standard = Object.hasOwn(exam.profiles, 'standard') ? exam.profiles.standard : undefined;
  return standard ? Math.round((standard.minutes * 60_000) / standard.items) : 120_000;
}

/**
 * Time per question: the browser reports how long each question has been on screen (cumulative),
 * while the attempt is open; the report and the attempt's view carry the figures back.
 */
export class QuestionTimeService {
  constructor(private readonly deps: { db: Kysely<Database>; bank: Pick<BankService, 'exam'>; now: () => number }) {}

  async record(user: User, attemptId: string, body: QuestionTime): Promise<void> {
    const { db, now } = this.deps;
    const record = await attempts.byId(db, attemptId);
    if (!record || record.userId !== user.id) throw notFound('This attempt');
    if (record.status !== 'open') throw conflict('attempt-submitted', 'This attempt is over; its time can no longer change.');
    const outside = body.times.find((t) => t.position >= record.form.length);
    if (outside) throw badRequest(`times: position ${outside.position} is not on this attempt (it has ${record.form.length} questions).`);
    // No question can have been on screen longer than the attempt has existed.
    const elapsed = Math.max(0, now() - record.startedMs);
    await questionTime.record(db, attemptId, body.times.map((t) => ({ position: t.position, ms: Math.min(t.ms, elapsed) })), now());
  }

  /** The view with the time each question has had so far. */
  async withTimes(view: AttemptView): Promise<AttemptView> {
    const times = await questionTime.forAttempt(this.deps.db, view.id);
    return { ...view, times: Object.fromEntries([...times].map(([p, ms]) => [String(p), ms])) };
  }

  /** The report with each question's time, the total and the pace against the real exam's (read when shown, never stored). */
  async reportWithTimes(report: ScoreReport): Promise<ScoreReport> {
    const { db, bank } = this.deps;
    const [record, times] = await Promise.all([attempts.byId(db, report.attemptId), questionTime.forAttempt(db, report.attemptId)]);
    const exam = bank.exam(report.exam);
    if (!record || !exam || times.size === 0) return report;
    const pace = paceSummary(times, targetPerQuestionMs(exam));
    const elapsedMs = record.kind === 'practice' || record.submittedMs === null ? null : record.submittedMs - record.startedMs;
    return {
      ...report,
      time: { elapsedMs, ...pace },
      items: report.items.map((item) => (times.get(item.position) ? { ...item, timeMs: times.get(item.position) } : item)),
    };
  }
}
