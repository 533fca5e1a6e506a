import type { RubricCriterion } from './project-schema.ts';

/** A submission meets the standard at this share of the rubric's points, with no criterion at level 0. */
export const MEETS_SHARE = 0.7;

export interface RubricGrade {
  points: number;
  max: number;
  meets: boolean;
}

/**
 * The grade of a submission from the level a tutor chose for each criterion (`docs/PROJECT-FORMAT.md`):
 * points out of 3 per criterion; it meets the standard at 70% of the maximum with no criterion at 0.
 * Every criterion must have a level; a level outside 0–3 or an unknown criterion is refused.
 */
export function gradeRubric(rubric: readonly RubricCriterion[], levels: Readonly<Record<string, number>>): RubricGrade | { missing: string[]; unknown: string[] } {
  const ids = new Set(rubric.map((c) => c.id));
  const missing = rubric.filter((c) => !Number.isInteger(levels[c.id]) || levels[c.id]! < 0 || levels[c.id]! > 3).map((c) => c.id);
  const unknown = Object.keys(levels).filter((k) => !ids.has(k));
  if (missing.length || unknown.length) return { missing, unknown };
  const points = rubric.reduce((sum, c) => sum + levels[c.id]!, 0);
  const max = 3 * rubric.length;
  return { points, max, meets: points >= MEETS_SHARE * max && rubric.every((c) => levels[c.id]! > 0) };
}
