import type { ExamIndex } from '../exam/exam-schema.ts';
import type { Problem } from '../items/check-bank.ts';
import { markdownBodyProblems, type Place } from '../lessons/check-markdown.ts';
import { countWords } from '../lessons/lesson-schema.ts';
import type { ProjectFront } from './project-schema.ts';

export const PROJECT_WORDS = { min: 500, max: 2000 } as const;
const REQUIRED_HEADINGS = ['Scenario', 'Goal', 'Steps', 'Clean-up'];

/**
 * The rules a project meets beyond its schema (`docs/PROJECT-FORMAT.md`): its exams and bullets exist, it
 * uses and names no service an exam file lists as closed, in maintenance, shut down or at end of support
 * (projects use only services open to new customers), ids are unique, the steps are a numbered list, and
 * the body is 500–2,000 words of Markdown without HTML or images, linking only to English AWS pages.
 */
export function checkProject(front: ProjectFront, body: string, exams: ReadonlyMap<string, ExamIndex>, place: Place): Problem[] {
  const problems: Problem[] = [];
  for (const [examId, tag] of Object.entries(front.exams)) {
    const exam = exams.get(examId);
    if (!exam) {
      problems.push(place(`exams: unknown exam "${examId}"`, 'project-exam'));
      continue;
    }
    for (const b of tag.bullets) if (!exam.bullets.has(b)) problems.push(place(`exams.${examId}: ${exam.exam.code} has no bullet or skill ${b}`, 'project-bullet'));
  }
  const text = [front.title, ...front.services, ...front.deliverables.map((d) => d.text), ...front.rubric.flatMap((c) => [c.criterion, ...c.levels])].join('\n');
  const lines = body.split('\n');
  const reported = new Set<string>();
  for (const exam of exams.values()) {
    for (const s of exam.exam.serviceLifecycle) {
      if (s.status === 'open' || reported.has(s.service)) continue;
      for (const name of s.match) {
        const re = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
        const bodyLine = lines.findIndex((l) => re.test(l)) + 1;
        if (!reported.has(s.service) && (re.test(text) || bodyLine > 0)) {
          reported.add(s.service);
          problems.push(place(`names ${s.service} (${s.status} in ${exam.exam.code}'s lifecycle list): projects use only services open to new customers`, 'project-service', bodyLine || undefined));
        }
      }
    }
  }
  for (const [what, ids] of [['deliverable', front.deliverables.map((d) => d.id)], ['criterion', front.rubric.map((c) => c.id)]] as const) {
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) problems.push(place(`two of its ${what} entries share the id "${dup}"`, 'project-id'));
  }
  problems.push(...markdownBodyProblems(body, 'project', REQUIRED_HEADINGS, place));
  const steps = body.split(/^## /m).find((s) => s.startsWith('Steps'));
  if (steps && !/^\d+\.\s/m.test(steps)) problems.push(place('the steps are a numbered list ("1. …")', 'project-steps'));
  const words = countWords(body);
  if (words < PROJECT_WORDS.min || words > PROJECT_WORDS.max) problems.push(place(`the body has ${words} words (${PROJECT_WORDS.min}–${PROJECT_WORDS.max})`, 'project-length'));
  return problems;
}
