import { readdir } from 'node:fs/promises';
import type { ExamIndex } from '../core/exam/exam-schema.ts';
import type { Problem } from '../core/items/check-bank.ts';
import { countWords } from '../core/lessons/lesson-schema.ts';
import { checkProject } from '../core/projects/check-project.ts';
import { projectFrontSchema, type Project } from '../core/projects/project-schema.ts';
import { readFrontMatter } from './read-front-matter.ts';

/**
 * Reads `content/projects/*.md` (`docs/PROJECT-FORMAT.md`) and checks each project; every problem says
 * `file:line:col`. A project with an error is left out; two projects may not share an id or an order.
 */
export async function loadProjects(dir: string, exams: ExamIndex[]): Promise<{ projects: Project[]; problems: Problem[] }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  } catch {
    return { projects: [], problems: [] };
  }
  const byExam = new Map(exams.map((e) => [e.exam.id, e]));
  const projects: Project[] = [];
  const problems: Problem[] = [];
  const orders = new Map<number, string>();
  for (const name of names) {
    const read = await readFrontMatter(dir, name, projectFrontSchema, 'project', problems);
    if (!read) continue;
    const { front, body, bodyStart, at } = read;
    const own = checkProject(front, body, byExam, (message, code, bodyLine) => ({ severity: 'error', code, message, ...at(bodyLine ? bodyStart + bodyLine - 1 : 1) }));
    if (`${front.id}.md` !== name) own.push({ severity: 'error', code: 'project-id', message: `the id "${front.id}" must match the file name`, ...at(2) });
    const other = orders.get(front.order);
    if (other) own.push({ severity: 'error', code: 'project-order', message: `order ${front.order} is already the project "${other}"'s`, ...at(2) });
    else orders.set(front.order, front.id);
    problems.push(...own);
    if (own.length === 0) projects.push({ ...front, body, words: countWords(body) });
  }
  return { projects: projects.sort((a, b) => a.order - b.order), problems };
}
