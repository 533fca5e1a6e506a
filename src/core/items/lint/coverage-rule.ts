import type { Problem } from '../check-bank.ts';
import { mockMayHold, type ExamIndex } from '../../exam/exam-schema.ts';
import type { LintQuestion } from './lint-context.ts';

/**
 * Number of distinct questions tagged with each bullet or skill of an exam, counting only questions
 * a mock of that exam may draw on (its mock types; case-study questions where it has case studies),
 * with their tags for that exam. Every bullet of the exam is present, with 0 when none covers it.
 */
export function countByBullet(questions: LintQuestion[], exam: ExamIndex): Map<string, number> {
  const counts = new Map<string, number>([...exam.bullets.keys()].map((b) => [b, 0]));
  for (const lq of questions) {
    const tag = lq.question.exams?.[exam.exam.id];
    if (!tag || !mockMayHold(exam.exam, lq.question.type, !!lq.caseId)) continue;
    for (const b of new Set(tag.bullets ?? [])) if (counts.has(b)) counts.set(b, counts.get(b)! + 1);
  }
  return counts;
}

/**
 * Every bullet or skill of every exam must be tested by at least its exam's coverage target
 * (`coverage.perBullet`, `perNewBullet` for a skill the version added) among the questions a mock may
 * draw on: one item per bullet cannot tell a candidate's grasp of it from their grasp of that one
 * question. Meaningful only over the whole bank. `bulletProblem` locates a bullet in its exam file.
 */
export function coverageRule(
  questions: LintQuestion[],
  exams: ExamIndex[],
  bulletProblem: (exam: ExamIndex, bulletId: string, code: string, message: string) => Problem,
): Problem[] {
  const problems: Problem[] = [];
  for (const exam of exams) {
    const { perBullet, perNewBullet } = exam.exam.coverage;
    for (const [bullet, n] of countByBullet(questions, exam)) {
      const b = exam.bullets.get(bullet)!;
      const minItems = b.new ? (perNewBullet ?? perBullet) : perBullet;
      if (n >= minItems) continue;
      problems.push(bulletProblem(exam, bullet, 'bullet-uncovered', `${exam.exam.code} ${bullet} "${b.text}" is tested by ${n} question${n === 1 ? '' : 's'} a mock may use (at least ${minItems} needed)`));
    }
  }
  return problems;
}
