import { z } from 'zod';
import { awsPage } from '../lessons/lesson-schema.ts';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');
export const LEVELS = [0, 1, 2, 3] as const;

/** A rubric criterion: what is judged and what a submission shows at each of the four levels (0 to 3 points). */
const criterionSchema = z.strictObject({
  id: slug,
  criterion: z.string().min(3).max(120),
  levels: z
    .array(z.string().min(5).max(400))
    .length(4, 'must have exactly four levels, "0: …" to "3: …"')
    .refine((levels) => levels.every((l, i) => l.startsWith(`${i}: `)), 'each level starts with its points, "0: " to "3: ", in order'),
});

/** The front matter of `content/projects/<id>.md` (`docs/PROJECT-FORMAT.md`). */
export const projectFrontSchema = z.strictObject({
  id: slug,
  title: z.string().min(1).max(120),
  titleFr: z.string().min(1).max(120),
  order: z.number().int().min(1).max(20),
  hours: z.number().int().min(1).max(60),
  /** Per exam: the bullets (C01) or skills (C02) the project exercises. */
  exams: z.record(z.string(), z.strictObject({ bullets: z.array(z.string().regex(/^\d\.\d\.[ks]\d+$/)).min(3, 'must name at least 3 bullets or skills') })).refine((e) => Object.keys(e).length > 0, 'must name at least one exam'),
  services: z.array(z.string().min(2).max(80)).min(1),
  cost: z.strictObject({ usd: z.number().min(0).max(100), basis: z.string().min(10).max(600) }),
  references: z.array(awsPage).min(4).max(15),
  deliverables: z.array(z.strictObject({ id: slug, text: z.string().min(5).max(400) })).min(3).max(7),
  rubric: z.array(criterionSchema).min(4).max(8),
});
export type ProjectFront = z.infer<typeof projectFrontSchema>;
export type RubricCriterion = ProjectFront['rubric'][number];

export interface Project extends ProjectFront {
  /** The Markdown body, after the front matter. */
  body: string;
  words: number;
}
