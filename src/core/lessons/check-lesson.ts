import type { ExamIndex } from '../exam/exam-schema.ts';
import type { Problem } from '../items/check-bank.ts';
import { markdownBodyProblems, type Place } from './check-markdown.ts';
import { countWords, type LessonFront } from './lesson-schema.ts';

export const LESSON_WORDS = { min: 800, max: 1500 } as const;
/** The sections every lesson has (`## Choose … when …` besides), per the content guide. */
const REQUIRED_HEADINGS = ['What it is for', 'How it works', 'Numbers worth knowing', 'Common traps', 'What changed recently'];

/**
 * The rules a lesson's body and tags must meet beyond its schema: the exams, modules and bullets it
 * names exist, an MLA-C02 lesson lists every skill of its module, the body is Markdown without raw
 * HTML or images, has the guide's sections and a table, links only to AWS pages, and is 800–1,500 words.
 */
export function checkLesson(front: LessonFront, body: string, exams: ReadonlyMap<string, ExamIndex>, place: Place): Problem[] {
  const problems: Problem[] = [];
  for (const [examId, tag] of Object.entries(front.exams)) {
    const exam = exams.get(examId);
    if (!exam) {
      problems.push(place(`exams: unknown exam "${examId}"`, 'lesson-exam'));
      continue;
    }
    const mod = exam.modules.get(tag.module);
    if (!mod || mod.kind === 'mock') {
      problems.push(place(`exams.${examId}: ${exam.exam.code} has no content module ${tag.module}`, 'lesson-module'));
      continue;
    }
    for (const b of tag.bullets) if (!exam.bullets.has(b)) problems.push(place(`exams.${examId}: ${exam.exam.code} has no bullet or skill ${b}`, 'lesson-bullet'));
    const missing = (mod.skills ?? []).filter((s) => !tag.bullets.includes(s));
    if (missing.length) problems.push(place(`exams.${examId}: module ${mod.id} teaches ${missing.join(', ')}, which the lesson does not list`, 'lesson-skills'));
  }
  problems.push(...markdownBodyProblems(body, 'lesson', REQUIRED_HEADINGS, place));
  const headings = body.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3).trim());
  if (!headings.some((h) => h.startsWith('Choose'))) problems.push(place('missing a "## Choose … when …" section', 'lesson-section'));
  if (!/^\|.*\|\s*\n\|\s*:?-{3,}/m.test(body)) problems.push(place('a lesson has at least one table (a decision table)', 'lesson-table'));
  const words = countWords(body);
  if (words < LESSON_WORDS.min || words > LESSON_WORDS.max) problems.push(place(`the body has ${words} words (${LESSON_WORDS.min}–${LESSON_WORDS.max})`, 'lesson-length'));
  return problems;
}
