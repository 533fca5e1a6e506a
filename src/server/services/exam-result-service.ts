import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ExamResultView, User } from '../../core/api/contracts.ts';
import { examStatus } from '../../core/exam/exam-status.ts';
import { afterResult, resultProblem, type DomainClassification } from '../../core/learn/exam-result.ts';
import { isoDay } from '../../core/util/iso-day.ts';
import type { Database } from '../../db/schema.ts';
import { badRequest, notFound } from '../errors.ts';
import type { BankService } from './bank-service.ts';

/**
 * Real exam results from the candidate's AWS score report: a fail gives the earliest retake and the
 * domains to work on, a pass the certification's validity. Whether the sitting was the beta comes
 * from the exam file's dates. Kept for readiness calibration (anonymised on deletion, with consent).
 */
export class ExamResultService {
  constructor(private readonly deps: { db: Kysely<Database>; bank: BankService; now: () => number }) {}

  async record(user: User, body: { exam: string; satOn: string; scaled: number; passed: boolean; domains: Record<string, DomainClassification> }): Promise<ExamResultView> {
    const exam = this.deps.bank.exam(body.exam);
    if (!exam) throw notFound(`Exam "${body.exam}"`);
    const problem = resultProblem(exam, body, isoDay(this.deps.now()));
    if (problem) throw badRequest(problem);
    const beta = examStatus(exam, this.deps.bank.exams, body.satOn).phase === 'beta';
    const id = randomUUID();
    await this.deps.db
      .insertInto('exam_results')
      .values({ id, user_id: user.id, exam: exam.id, sat_on: body.satOn, scaled: body.scaled, passed: body.passed ? 1 : 0, beta: beta ? 1 : 0, domains: JSON.stringify(body.domains), created_ms: this.deps.now() })
      .execute();
    return (await this.list(user, exam.id)).find((r) => r.id === id)!;
  }

  async list(user: User, examId: string): Promise<ExamResultView[]> {
    const exam = this.deps.bank.exam(examId);
    if (!exam) throw notFound(`Exam "${examId}"`);
    const rows = await this.deps.db.selectFrom('exam_results').selectAll().where('user_id', '=', user.id).where('exam', '=', examId).orderBy('sat_on', 'desc').execute();
    return rows.map((r) => {
      const result = { satOn: r.sat_on, scaled: r.scaled, passed: r.passed === 1, beta: r.beta === 1, domains: JSON.parse(r.domains) as Record<string, DomainClassification> };
      return { id: r.id, exam: r.exam, ...result, after: afterResult(exam, result) };
    });
  }
}
