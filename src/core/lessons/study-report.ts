import { questionPool } from '../exam/assemble-form.ts';
import { mockMayHold, type ExamDefinition, type ExamIndex } from '../exam/exam-schema.ts';
import type { BankEntry } from '../items/item-schema.ts';
import type { Lesson } from './lesson-schema.ts';

/** A module quiz draws 10 of the module's questions; a retake with new ones needs 20. */
export const QUIZ_SIZE = 10;
export const QUIZ_RETAKE_POOL = 20;

export interface StudyModuleReport {
  id: number;
  title: string;
  /** The lesson that serves the module, if any. */
  lesson: string | null;
  lessonWords: number;
  cards: number;
  /** Questions tagged for the module: what its quiz draws from. */
  quizPool: number;
  /** The bullets (C01) or skills (C02) the module's lesson teaches, or the module's listed skills without one. */
  skills: string[];
}

export interface StudyReport {
  exam: string;
  modules: StudyModuleReport[];
  /** Bullets or skills of the exam that no module teaches (for C02: listed under no module; for C01: tagged on no lesson). */
  skillsWithoutModule: string[];
}

/** `certprep study report`: each content module's lesson, cards and quiz pool, and the skills left without a module. */
export function studyReport(exam: ExamIndex, lessons: readonly Lesson[], entries: readonly BankEntry[]): StudyReport {
  const examId = exam.exam.id;
  const pool = quizPools(entries, exam.exam);
  const taught = new Set<string>();
  const modules = exam.exam.modules
    .filter((m) => m.kind !== 'mock')
    .map((m) => {
      const lesson = lessons.find((l) => l.exams[examId]?.module === m.id);
      const skills = lesson ? lesson.exams[examId]!.bullets : (m.skills ?? []);
      for (const s of [...skills, ...(m.skills ?? [])]) taught.add(s);
      return { id: m.id, title: m.title, lesson: lesson?.id ?? null, lessonWords: lesson?.words ?? 0, cards: lesson?.cards.length ?? 0, quizPool: pool.get(m.id) ?? 0, skills };
    });
  return { exam: examId, modules, skillsWithoutModule: [...exam.bullets.keys()].filter((b) => !taught.has(b)) };
}

/**
 * The questions each module's quiz can draw from: the module's questions of the kinds the exam itself
 * asks (a C02 quiz draws no ordering, matching or case study, as the C02 exam has none).
 */
export function quizPoolIds(entries: readonly BankEntry[], exam: ExamDefinition): Map<number, string[]> {
  const pool = new Map<number, string[]>();
  for (const { question: q, caseStudy } of questionPool(entries, exam)) {
    if (q.module !== undefined && mockMayHold(exam, q.type, !!caseStudy)) pool.set(q.module, [...(pool.get(q.module) ?? []), q.id]);
  }
  return pool;
}

/** How many questions each module's quiz can draw from (`quizPoolIds`). */
export function quizPools(entries: readonly BankEntry[], exam: ExamDefinition): Map<number, number> {
  return new Map([...quizPoolIds(entries, exam)].map(([m, ids]) => [m, ids.length]));
}

/** What still keeps the study path from being complete: modules without a lesson, with fewer than 10 cards or a quiz pool under 10. */
export function studyGaps(report: StudyReport): string[] {
  const gaps: string[] = [];
  for (const m of report.modules) {
    if (!m.lesson) gaps.push(`module ${m.id} (${m.title}) has no lesson`);
    else if (m.cards < 10) gaps.push(`module ${m.id} has ${m.cards} flash cards (at least 10)`);
    if (m.quizPool < QUIZ_SIZE) gaps.push(`module ${m.id} has ${m.quizPool} questions for its quiz (at least ${QUIZ_SIZE})`);
  }
  return gaps;
}

/** A module quiz is passed with 8 of 10 right (80%); a question left unanswered is not right. */
export function quizPassed(correct: number, asked: number): boolean {
  return asked > 0 && correct >= Math.ceil(asked * 0.8);
}
