import type { Kysely } from 'kysely';
import type { FlashCardView, LessonView, StudyModule, StudyPath, User } from '../../core/api/contracts.ts';
import { DAILY_REVIEW_LIMIT, dailyQueue, nextDue, scheduleCard, type CardRating } from '../../core/learn/card-schedule.ts';
import type { Lesson } from '../../core/lessons/lesson-schema.ts';
import { quizPassed, quizPoolIds } from '../../core/lessons/study-report.ts';
import type { ScoreReport } from '../../core/api/contracts.ts';
import { attempts, type AttemptRecord } from '../../db/repositories/attempts.ts';
import { questionTime } from '../../db/repositories/question-time.ts';
import { reviewCards } from '../../db/repositories/review-cards.ts';
import { studyProgress } from '../../db/repositories/study-progress.ts';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import type { BankService } from './bank-service.ts';

const DAY_MS = 86_400_000;

/**
 * The study path of an exam: its modules in order, each with its lesson (read or not, time spent),
 * its quiz (best score, passed at 8 of 10) and the next step; the lessons themselves; and the flash
 * cards of the lessons read, reviewed with FSRS in one daily queue with the missed questions.
 */
export class StudyService {
  constructor(private readonly deps: { db: Kysely<Database>; bank: BankService; lessons: readonly Lesson[]; now: () => number }) {}

  async path(user: User, examId: string): Promise<StudyPath> {
    const { db, bank, now } = this.deps;
    const exam = bank.exam(examId);
    if (!exam) throw notFound(`Exam "${examId}"`);
    const pool = quizPoolIds(bank.activeEntries(), exam);
    const [reading, quizzes, shown] = await Promise.all([studyProgress.lessons(db, user.id), attempts.quizzes(db, user.id, examId), attempts.shownCounts(db, user.id)]);
    const quizTime = await questionTime.totals(db, quizzes.map((q) => q.id));
    const modules: StudyModule[] = exam.modules
      .filter((m) => m.kind !== 'mock')
      .map((m) => {
        const lesson = this.lessonFor(examId, m.id);
        const mine = quizzes.filter((q) => q.scope?.modules?.[0] === m.id);
        const scores = mine.flatMap((q) => quizScore(q) ?? []);
        const passed = scores.some((s) => quizPassed(s.correct, s.asked));
        const read = lesson ? reading.get(lesson.id)?.readMs != null : false;
        return {
          id: m.id,
          title: m.title,
          titleFr: m.titleFr,
          lesson: lesson ? { id: lesson.id, words: lesson.words, cards: lesson.cards.length } : null,
          state: passed ? 'quiz-passed' : read ? 'lesson-read' : 'not-started',
          timeMs: (lesson ? (reading.get(lesson.id)?.timeMs ?? 0) : 0) + mine.reduce((sum, q) => sum + (quizTime.get(q.id) ?? 0), 0),
          quiz: { pool: pool.get(m.id)?.length ?? 0, unseen: (pool.get(m.id) ?? []).filter((id) => !shown.has(id)).length, attempts: scores.length, best: scores.length ? Math.max(...scores.map((s) => s.correct)) : null, passed, open: mine.find((q) => q.status === 'open')?.id ?? null },
        };
      });
    const first = modules.find((m) => m.state !== 'quiz-passed');
    const next = first ? { module: first.id, step: first.state === 'lesson-read' || !first.lesson ? ('quiz' as const) : ('lesson' as const) } : null;
    const valid = bank.domainsOf(examId);
    const dueQuestions = (await reviewCards.due(db, user.id, now(), 5000)).filter((id) => valid.has(id)).length;
    const dueCards = (await this.dueCardIds(user, examId)).length;
    const doneToday = await this.doneToday(user);
    const today = dailyQueue({ dueCards, dueQuestions, doneToday });
    return { exam: examId, modules, next, review: { dueCards, dueQuestions, doneToday, limit: DAILY_REVIEW_LIMIT, cardsToday: today.cards, questionsToday: today.questions } };
  }

  async lesson(user: User, lessonId: string, examId: string): Promise<LessonView> {
    const lesson = this.deps.lessons.find((l) => l.id === lessonId && l.exams[examId]);
    const exam = this.deps.bank.exam(examId);
    if (!lesson || !exam) throw notFound(`The lesson "${lessonId}" for ${examId}`);
    const tag = lesson.exams[examId]!;
    const bullets = new Map(exam.domains.flatMap((d) => d.tasks.flatMap((t) => [...t.knowledge, ...t.skills])).map((b) => [b.id, b.text]));
    const progress = (await studyProgress.lessons(this.deps.db, user.id)).get(lesson.id);
    return {
      id: lesson.id,
      exam: examId,
      module: tag.module,
      title: lesson.title,
      titleFr: lesson.titleFr,
      body: lesson.body,
      words: lesson.words,
      references: lesson.references,
      skills: tag.bullets.map((id) => ({ id, text: bullets.get(id) ?? id })),
      cards: lesson.cards.length,
      read: progress?.readMs != null,
      timeMs: progress?.timeMs ?? 0,
    };
  }

  async recordReading(user: User, lessonId: string, examId: string, addMs: number, read: boolean): Promise<void> {
    if (!this.deps.lessons.some((l) => l.id === lessonId && l.exams[examId])) throw notFound(`The lesson "${lessonId}" for ${examId}`);
    await studyProgress.recordReading(this.deps.db, user.id, lessonId, addMs, read, this.deps.now());
  }

  /** Today's flash cards: those of the lessons read, due now (or never reviewed), most overdue first, within today's share of the queue. */
  async dueCards(user: User, examId: string): Promise<FlashCardView[]> {
    const ids = await this.dueCardIds(user, examId);
    const { cards } = dailyQueue({ dueCards: ids.length, dueQuestions: 0, doneToday: await this.doneToday(user) });
    const schedules = await studyProgress.cards(this.deps.db, user.id);
    const now = new Date(this.deps.now());
    return ids.slice(0, cards).map((id) => {
      const { lesson, card } = this.findCard(id)!;
      const next = nextDue(schedules.get(id)?.card ?? null, now);
      return {
        id,
        lesson: { id: lesson.id, title: lesson.title, titleFr: lesson.titleFr },
        front: card.front,
        back: card.back,
        source: card.source,
        next: { again: next.again.toISOString(), hard: next.hard.toISOString(), good: next.good.toISOString(), easy: next.easy.toISOString() },
        isNew: !schedules.has(id),
      };
    });
  }

  async rateCard(user: User, cardId: string, examId: string, rating: CardRating): Promise<{ due: string }> {
    const found = this.findCard(cardId);
    if (!found || !found.lesson.exams[examId]) throw notFound(`The flash card "${cardId}"`);
    const current = (await studyProgress.cards(this.deps.db, user.id)).get(cardId)?.card ?? null;
    const next = scheduleCard(current, rating, new Date(this.deps.now()));
    await studyProgress.saveCard(this.deps.db, user.id, cardId, next, rating, this.deps.now());
    return { due: next.due.toISOString() };
  }

  private lessonFor(examId: string, module: number): Lesson | undefined {
    return this.deps.lessons.find((l) => l.exams[examId]?.module === module);
  }

  private findCard(cardId: string) {
    for (const lesson of this.deps.lessons) {
      const card = lesson.cards.find((c) => c.id === cardId);
      if (card) return { lesson, card };
    }
    return undefined;
  }

  private async dueCardIds(user: User, examId: string): Promise<string[]> {
    const [reading, schedules] = await Promise.all([studyProgress.lessons(this.deps.db, user.id), studyProgress.cards(this.deps.db, user.id)]);
    const now = this.deps.now();
    const due: { id: string; at: number }[] = [];
    for (const lesson of this.deps.lessons) {
      if (!lesson.exams[examId] || reading.get(lesson.id)?.readMs == null) continue;
      for (const c of lesson.cards) {
        const s = schedules.get(c.id);
        // A card never reviewed is due from the moment its lesson was read.
        const at = s ? s.dueMs : reading.get(lesson.id)!.readMs!;
        if (at <= now) due.push({ id: c.id, at });
      }
    }
    return due.sort((a, b) => a.at - b.at).map((d) => d.id);
  }

  /** Reviews done today (UTC): flash cards rated and missed questions answered in review practice. */
  private async doneToday(user: User): Promise<number> {
    const since = Math.floor(this.deps.now() / DAY_MS) * DAY_MS;
    const cards = await studyProgress.cardsRatedSince(this.deps.db, user.id, since);
    const row = await this.deps.db
      .selectFrom('responses')
      .innerJoin('attempts', 'attempts.id', 'responses.attempt_id')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('responses.user_id', '=', user.id)
      .where('responses.answered_ms', '>=', since)
      .where('attempts.scope', 'like', '%"review":true%')
      .executeTakeFirst();
    return cards + Number(row?.n ?? 0);
  }
}

/** A submitted module quiz's score: right answers out of the questions it asked (unanswered ones count as asked). */
export function quizScore(q: AttemptRecord): { correct: number; asked: number } | undefined {
  if (q.status !== 'submitted' || !q.report) return undefined;
  return { correct: (JSON.parse(q.report) as ScoreReport).items.filter((i) => i.correct).length, asked: q.target ?? q.form.length };
}
