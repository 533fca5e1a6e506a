import type { Problem } from '../check-bank.ts';
import type { ExamIndex } from '../../exam/exam-schema.ts';
import type { LintQuestion } from './lint-context.ts';

/**
 * Number of distinct questions tagged with each bullet of an exam, counting only questions valid
 * for that exam (case-study questions take their case study's exams). Every bullet of the exam is
 * present, with 0 when no question covers it.
 */
export function countByBullet(questions: LintQuestion[], exam: ExamIndex): Map<string, number> {
  const counts = new Map<string, number>([...exam.bullets.keys()].map((b) => [b, 0]));
  for (const lq of questions) {
    if (!lq.exams.includes(exam.exam.id)) continue;
    for (const b of new Set(lq.question.bullets ?? [])) if (counts.has(b)) counts.set(b, counts.get(b)! + 1);
  }
  return counts;
}

/**
 * Every knowledge and skills bullet of every exam must be tested by at least `minItems` questions:
 * one item per bullet cannot tell a candidate's grasp of it from their grasp of that one question.
 * Meaningful only over the whole bank. `bulletProblem` locates a bullet in its exam definition.
 */
export function coverageRule(
  questions: LintQuestion[],
  exams: ExamIndex[],
  bulletProblem: (exam: ExamIndex, bulletId: string, code: string, message: string) => Problem,
  minItems = 2,
): Problem[] {
  const problems: Problem[] = [];
  for (const exam of exams) {
    for (const [bullet, n] of countByBullet(questions, exam)) {
      if (n >= minItems) continue;
      const text = exam.bullets.get(bullet)!.text;
      problems.push(bulletProblem(exam, bullet, 'bullet-uncovered', `${exam.exam.code} bullet ${bullet} "${text}" is tested by ${n} item${n === 1 ? '' : 's'} (at least ${minItems} needed)`));
    }
  }
  return problems;
}
