/**
 * What a resource link placed in a course opens (`certprep_target`, set by deep linking): `dashboard`, `path`
 * (the study path), `mock:<profile>`, `module:<id>` (a module and its quiz), `practice:<domain>`, `project:<id>`.
 * A mock's scaled score, a module quiz's score and a project's grade go to the link's grade column.
 */
export type TargetKind = 'dashboard' | 'path' | 'mock' | 'module' | 'practice' | 'project';

export function parseTarget(target: string): { kind: TargetKind; ref: string } {
  const [kind, ref = ''] = target.split(':', 2) as [string, string | undefined];
  const known: TargetKind[] = ['dashboard', 'path', 'mock', 'module', 'practice', 'project'];
  return known.includes(kind as TargetKind) ? { kind: kind as TargetKind, ref } : { kind: 'dashboard', ref: '' };
}

/** The web app's hash route for a target. */
export function targetRoute(target: string): string {
  const { kind, ref } = parseTarget(target);
  if (kind === 'mock' && ref) return `/mock/${ref}`;
  if (kind === 'module' || kind === 'path') return '/study';
  if (kind === 'project' && ref) return `/projects/${ref}`;
  return '/';
}

/** Whether a target has a grade to send back (and so asks the platform for a grade column). */
export const isGraded = (target: string): boolean => ['mock', 'module', 'project'].includes(parseTarget(target).kind);
