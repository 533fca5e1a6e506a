import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ExamIndex } from '../core/exam/exam-schema.ts';
import type { Problem } from '../core/items/check-bank.ts';
import { checkLesson } from '../core/lessons/check-lesson.ts';
import { cardId, countWords, lessonFrontSchema, type Lesson } from '../core/lessons/lesson-schema.ts';
import { readFrontMatter } from './read-front-matter.ts';

/**
 * Reads `content/lessons/*.md` (Markdown with YAML front matter, `docs/LESSON-FORMAT.md`) and checks
 * each lesson; every problem says `file:line:col`. A lesson with an error is left out; two lessons may
 * not share an id, nor serve the same module of an exam.
 */
export async function loadLessons(dir: string, exams: ExamIndex[]): Promise<{ lessons: Lesson[]; problems: Problem[] }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  } catch {
    return { lessons: [], problems: [] };
  }
  const byExam = new Map(exams.map((e) => [e.exam.id, e]));
  const lessons: Lesson[] = [];
  const problems: Problem[] = [];
  const owner = new Map<string, string>();
  for (const name of names) {
    const read = await readFrontMatter(dir, name, lessonFrontSchema, 'lesson', problems);
    if (!read) continue;
    const { front, body, bodyStart, at } = read;
    const own: Problem[] = checkLesson(front, body, byExam, (message, code, bodyLine) => ({ severity: 'error', code, message, ...at(bodyLine ? bodyStart + bodyLine - 1 : 1) }));
    if (`${front.id}.md` !== name) own.push({ severity: 'error', code: 'lesson-id', message: `the id "${front.id}" must match the file name`, ...at(2) });
    for (const [examId, tag] of Object.entries(front.exams)) {
      const key = `${examId} module ${tag.module}`;
      const other = owner.get(key);
      if (other) own.push({ severity: 'error', code: 'lesson-duplicate', message: `${key} already has the lesson "${other}"`, ...at(2) });
      else owner.set(key, front.id);
    }
    const cards = front.cards.map((c) => ({ ...c, id: cardId(front.id, c.front) }));
    if (new Set(cards.map((c) => c.id)).size !== cards.length) own.push({ severity: 'error', code: 'lesson-card', message: 'two cards ask the same question', ...at(2) });
    problems.push(...own);
    if (own.length === 0) lessons.push({ ...front, cards, body, words: countWords(body) });
  }
  return { lessons, problems };
}
