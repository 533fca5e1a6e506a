import type { Kysely } from 'kysely';
import type { AttemptSummary, Progress, User } from '../../core/api/contracts.ts';
import { mastery } from '../../core/learn/review-schedule.ts';
import { rankStudy, type TaskTally } from '../../core/learn/study-next.ts';
import { weeklyStudyTime } from '../../core/learn/study-time.ts';
import { bankForExam, taggedQuestions } from '../../core/items/exam-tags.ts';
import { readiness } from '../../core/scoring/readiness.ts';
import { attempts } from '../../db/repositories/attempts.ts';
import { questionTime } from '../../db/repositories/question-time.ts';
import { itemNotes } from '../../db/repositories/item-notes.ts';
import { responses } from '../../db/repositories/responses.ts';
import { reviewCards } from '../../db/repositories/review-cards.ts';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import type { AttemptService } from './attempt-service.ts';
import type { BankService } from './bank-service.ts';

/**
 * A user's progress and history for one exam version. A response counts for every exam its item is
 * valid for; an attempt belongs to the exam it was started for.
 */
export class ProgressService {
  constructor(private readonly deps: { db: Kysely<Database>; bank: BankService; attempts: AttemptService; now: () => number }) {}

  /** The user's attempts, newest first; only those of `examId` when given. */
  async history(user: User, examId?: string): Promise<AttemptSummary[]> {
    // This user's expired attempts are submitted first, so the history shows their reports.
    await this.deps.attempts.sweepExpired({ userId: user.id, batch: 100 });
    const list = await attempts.listByUser(this.deps.db, user.id, { exam: examId });
    const times = await questionTime.totals(this.deps.db, list.map((a) => a.id));
    return list.map((a) => ({
      id: a.id,
      kind: a.kind,
      exam: a.exam,
      profile: a.profile,
      status: a.status,
      startedAt: new Date(a.startedMs).toISOString(),
      submittedAt: a.submittedMs === null ? null : new Date(a.submittedMs).toISOString(),
      scope: a.scope,
      deadline: a.deadlineMs === null ? null : new Date(a.deadlineMs).toISOString(),
      items: a.form.length,
      scaled: a.scaled,
      passed: a.passed,
      ...(times.has(a.id) ? { timeMs: times.get(a.id) } : {}),
    }));
  }

  async progress(user: User, examId: string): Promise<Progress> {
    const { db, bank, now } = this.deps;
    const exam = bank.exam(examId);
    if (!exam) throw notFound(`Exam "${examId}"`);
    const placeOf = bank.placesOf(exam.id);
    // Questions not yet tagged for the exam (imported from elsewhere) are practised but feed no readiness.
    const history = (await responses.byUser(db, user.id)).filter((h) => !!placeOf.get(h.itemId)?.domain);
    const byTask = new Map<string, TaskTally>();
    for (const h of history) {
      const task = placeOf.get(h.itemId)!.task!;
      const tally = byTask.get(task) ?? { correct: 0, answered: 0 };
      tally.answered += 1;
      if (h.correct) tally.correct += 1;
      byTask.set(task, tally);
    }
    // Per bullet or skill: every answer to a question counts for each bullet it lists.
    const bulletsOf = new Map(bankForExam(bank.activeEntries(), exam.id).flatMap(taggedQuestions).map((q) => [q.id, q.bullets ?? []]));
    const bySkill = new Map<string, TaskTally>();
    for (const h of history) {
      for (const b of bulletsOf.get(h.itemId) ?? []) {
        const tally = bySkill.get(b) ?? { correct: 0, answered: 0 };
        tally.answered += 1;
        if (h.correct) tally.correct += 1;
        bySkill.set(b, tally);
      }
    }
    const skills = exam.domains.flatMap((d) =>
      d.tasks.flatMap((t) => [...t.knowledge, ...t.skills].map((b) => {
        const tally = bySkill.get(b.id) ?? { correct: 0, answered: 0 };
        return { id: b.id, task: t.id, ...tally, mastery: mastery(tally.correct, tally.answered) };
      })),
    );
    const domains = exam.domains.map((d) => {
      const mine = history.filter((h) => placeOf.get(h.itemId)!.domain === d.id);
      const correct = mine.filter((h) => h.correct).length;
      return { id: d.id, name: d.name, answered: mine.length, correct, mastery: mastery(correct, mine.length) };
    });
    const attemptHistory = await this.history(user, exam.id);
    return {
      exam: exam.id,
      answered: history.length,
      dueForReview: (await reviewCards.due(db, user.id, now(), 5000)).filter((id) => placeOf.has(id)).length,
      bookmarks: (await itemNotes.bookmarkedIds(db, user.id)).filter((id) => placeOf.has(id)).length,
      skills,
      domains,
      studyNext: rankStudy(exam, byTask),
      readiness: readiness(history, new Map([...placeOf].map(([id, p]) => [id, p.domain])), bank.irt(exam.id, { allowProvisional: true })),
      attempts: attemptHistory,
      studyWeeks: weeklyStudyTime(attemptHistory.map((a) => ({ startedMs: Date.parse(a.startedAt), ms: a.timeMs ?? 0 })), now()),
    };
  }
}
