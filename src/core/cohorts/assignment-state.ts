/**
 * What a tutor assigns to a cohort, and when a member has done it:
 * - a module: its quiz passed (8 of 10), whenever that happened: the study path passes a module once;
 * - a practice set: a practice on exactly that scope (domains, task statements, skills), of at least that
 *   many questions, started after the assignment was set and submitted;
 * - a mock exam: one of that profile started after the assignment was set and submitted;
 * - a project: a submission of it that a tutor graded as meeting the standard, whenever it was submitted
 *   (done when it was submitted, so a grade given after the due day does not make the work late).
 * Late: not done and the due day has passed (the due day itself still counts as on time).
 */
export type AssignmentSpec =
  | { kind: 'module'; module: number }
  | { kind: 'practice'; domains?: string[] | undefined; tasks?: string[] | undefined; skills?: string[] | undefined; count: number }
  | { kind: 'mock'; profile: string }
  | { kind: 'project'; project: string };

export interface MemberWork {
  /** The member's submitted attempts of the cohort's exam. */
  attempts: { kind: string; profile: string | null; scope: { quiz?: boolean | undefined; domains?: string[] | undefined; tasks?: string[] | undefined; skills?: string[] | undefined; modules?: number[] | undefined } | null; target: number | null; startedMs: number; submittedMs: number }[];
  /** Modules whose quiz the member passed, with when. */
  passedModules: Map<number, number>;
  /** Projects with a submission graded as meeting the standard, with when the first such was submitted. */
  metProjects: Map<string, number>;
}

export type AssignmentState = { state: 'done'; doneMs: number } | { state: 'todo' } | { state: 'late' };

const sameSet = (a: readonly string[] | undefined, b: readonly string[] | undefined) => {
  const x = [...new Set(a ?? [])].sort();
  const y = [...new Set(b ?? [])].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/** When the member did the assignment (the first time), if they did. */
export function doneAt(spec: AssignmentSpec, setMs: number, work: MemberWork): number | undefined {
  if (spec.kind === 'module') return work.passedModules.get(spec.module);
  if (spec.kind === 'project') return work.metProjects.get(spec.project);
  const matching = work.attempts.filter((a) => {
    if (a.startedMs < setMs) return false;
    if (spec.kind === 'mock') return a.kind === 'mock' && a.profile === spec.profile;
    const s = a.scope;
    return a.kind === 'practice' && !!s && !s.quiz && !s.modules?.length && (a.target ?? 0) >= spec.count && sameSet(s.domains, spec.domains) && sameSet(s.tasks, spec.tasks) && sameSet(s.skills, spec.skills);
  });
  return matching.length ? Math.min(...matching.map((a) => a.submittedMs)) : undefined;
}

/** The member's state on the assignment on `today` (YYYY-MM-DD). */
export function assignmentState(spec: AssignmentSpec, setMs: number, dueOn: string | null, today: string, work: MemberWork): AssignmentState {
  const done = doneAt(spec, setMs, work);
  if (done !== undefined) return { state: 'done', doneMs: done };
  return dueOn !== null && today > dueOn ? { state: 'late' } : { state: 'todo' };
}
