import type { Kysely } from 'kysely';
import type { StudyPlanView, User } from '../../core/api/contracts.ts';
import { planToIcs } from '../../core/learn/plan-ics.ts';
import { buildPlan, PlanError, planStatus, type PlanModule, type StudyPlan } from '../../core/learn/study-plan.ts';
import { isoDay } from '../../core/util/iso-day.ts';
import { users } from '../../db/repositories/users.ts';
import type { Database } from '../../db/schema.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import type { BankService } from './bank-service.ts';
import type { ProgressService } from './progress-service.ts';
import type { StudyService } from './study-service.ts';

const ICS_WORDS = {
  en: { module: (id: number, title: string) => `certprep: module ${id}, ${title}`, review: 'certprep: daily review (flash cards and missed questions)', quickCheck: 'certprep: quick check', mock: 'certprep: mock exam', exam: 'Exam day' },
  fr: { module: (id: number, title: string) => `certprep : module ${id}, ${title}`, review: 'certprep : révision du jour (cartes et questions manquées)', quickCheck: 'certprep : test rapide', mock: 'certprep : examen blanc', exam: 'Jour de l’examen' },
};

/**
 * A study plan to the exam date (`buildPlan`), rebuilt from the candidate's state each time it is
 * read, so it re-plans when they fall behind or move the date; compared with the plan as first made
 * to say whether they are on track; exported as an iCalendar file.
 */
export class StudyPlanService {
  constructor(private readonly deps: { db: Kysely<Database>; bank: BankService; study: StudyService; progress: ProgressService; now: () => number }) {}

  async set(user: User, examId: string, examDate: string, hoursPerWeek: number): Promise<StudyPlanView> {
    const plan = await this.build(user, examId, examDate, hoursPerWeek);
    const values = { exam_date: examDate, hours_per_week: hoursPerWeek, snapshot: JSON.stringify(plan), created_ms: this.deps.now() };
    await this.deps.db
      .insertInto('study_plans')
      .values({ user_id: user.id, exam: examId, ...values })
      .onConflict((oc) => oc.columns(['user_id', 'exam']).doUpdateSet(values))
      .execute();
    // The dashboard counts down to the same date.
    if (!user.exam || user.exam === examId) await users.setExam(this.deps.db, user.id, examId, examDate);
    return this.view(user, examId);
  }

  async view(user: User, examId: string): Promise<StudyPlanView> {
    const row = await this.deps.db.selectFrom('study_plans').selectAll().where('user_id', '=', user.id).where('exam', '=', examId).executeTakeFirst();
    if (!row) throw notFound('A study plan for this exam');
    if (row.exam_date <= isoDay(this.deps.now())) throw conflict('exam-date-passed', `Your exam date, ${row.exam_date}, has passed: record your result, or give the date of your next sitting.`);
    const plan = await this.build(user, examId, row.exam_date, row.hours_per_week);
    const passed = new Set((await this.deps.study.path(user, examId)).modules.filter((m) => m.state === 'quiz-passed').map((m) => m.id));
    return { exam: examId, ...plan, status: planStatus(JSON.parse(row.snapshot) as StudyPlan, isoDay(this.deps.now()), passed), createdAt: new Date(Number(row.created_ms)).toISOString() };
  }

  async ics(user: User, examId: string, locale: 'en' | 'fr'): Promise<string> {
    const plan = await this.view(user, examId);
    const exam = this.deps.bank.exam(examId)!;
    const titles = new Map(exam.modules.map((m) => [m.id, locale === 'fr' ? m.titleFr : m.title]));
    const words = { ...ICS_WORDS[locale], exam: `${ICS_WORDS[locale].exam}: ${exam.code}` };
    return planToIcs(plan, words, titles, { uid: `${user.id}-${examId}`, now: new Date(this.deps.now()) });
  }

  private async build(user: User, examId: string, examDate: string, hoursPerWeek: number): Promise<StudyPlan> {
    const exam = this.deps.bank.exam(examId);
    if (!exam) throw notFound(`Exam "${examId}"`);
    const [path, progress] = await Promise.all([this.deps.study.path(user, examId), this.deps.progress.progress(user, examId)]);
    const task = new Map(progress.studyNext.map((p) => [p.task, p]));
    // After a failed sitting, the domains the score report marked "Needs improvement" weigh double.
    const last = await this.deps.db.selectFrom('exam_results').select(['passed', 'domains']).where('user_id', '=', user.id).where('exam', '=', examId).orderBy('sat_on', 'desc').executeTakeFirst();
    const focus = new Set(last && last.passed === 0 ? Object.entries(JSON.parse(last.domains) as Record<string, string>).filter(([, c]) => c === 'needs-improvement').map(([d]) => d) : []);
    // A task statement taught by several modules shares its weight among them.
    const modulesOf = new Map<string, number>();
    for (const m of exam.modules) for (const t of m.tasks) modulesOf.set(t, (modulesOf.get(t) ?? 0) + 1);
    const modules: PlanModule[] = path.modules.map((m) => {
      const tasks = exam.modules.find((x) => x.id === m.id)!.tasks.map((t) => task.get(t)).filter((p) => p !== undefined);
      const weight = tasks.reduce((sum, p) => sum + ((focus.has(p.domain) ? 2 : 1) * p.share) / (modulesOf.get(p.task) ?? 1), 0);
      // What was never answered counts as not yet learned.
      const mastery = tasks.length ? tasks.reduce((sum, p) => sum + (p.answered ? p.mastery : 0), 0) / tasks.length : 0;
      return { id: m.id, title: m.title, weight, mastery, passed: m.state === 'quiz-passed' };
    });
    const standard = Object.hasOwn(exam.profiles, 'standard') ? exam.profiles.standard! : Object.values(exam.profiles)[0]!;
    try {
      return buildPlan({ today: isoDay(this.deps.now()), examDate, hoursPerWeek, modules, mockMinutes: standard.minutes });
    } catch (e) {
      if (e instanceof PlanError) throw badRequest(e.message);
      throw e;
    }
  }
}
