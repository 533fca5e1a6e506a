import type { Project } from '../../core/projects/project-schema.ts';
import type { AssignmentSpec } from '../../core/cohorts/assignment-state.ts';
import { countNoun } from '../../core/util/count-noun.ts';
import type { BankService } from './bank-service.ts';

type Exam = NonNullable<ReturnType<BankService['exam']>>;

/** The title an assignment gets when its tutor gives none, in English (stored) and French. */
export function defaultTitles(spec: AssignmentSpec, exam: Exam, projects: readonly Project[]): { en: string; fr: string } {
  if (spec.kind === 'project') {
    const project = projects.find((p) => p.id === spec.project);
    return { en: `Project: ${project?.title ?? spec.project}`, fr: `Projet : ${project?.titleFr ?? spec.project}` };
  }
  if (spec.kind === 'module') {
    const module = exam.modules.find((m) => m.id === spec.module);
    return { en: `Module ${spec.module}: ${module?.title ?? ''}`.trim(), fr: `Module ${spec.module} : ${module?.titleFr ?? ''}`.trim() };
  }
  if (spec.kind === 'mock') return { en: `Mock exam (${spec.profile})`, fr: `Examen blanc (${spec.profile})` };
  const scope = (domain: string) => [...(spec.domains ?? []).map((d) => `${domain} ${d}`), ...(spec.tasks ?? []), ...(spec.skills ?? [])].join(', ');
  const en = scope('domain');
  const fr = scope('domaine');
  return {
    en: `Practice: ${countNoun(spec.count, 'question')}${en ? ` on ${en}` : ''}`,
    fr: `Entraînement : ${countNoun(spec.count, 'question', 'questions', 'fr')}${fr ? ` sur ${fr}` : ''}`,
  };
}

/**
 * An assignment's title in both languages: the tutor's own title as typed, or the default title, which is
 * stored in English and worded in French here (an assignment set before French titles existed included).
 */
export function assignmentTitles(stored: string, spec: AssignmentSpec, exam: Exam | undefined, projects: readonly Project[]): { title: string; titleFr: string } {
  const titles = exam ? defaultTitles(spec, exam, projects) : undefined;
  return { title: stored, titleFr: titles && stored === titles.en ? titles.fr : stored };
}
