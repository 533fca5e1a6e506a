import { z } from 'zod';

/**
 * An exam definition (content/exams/*.yaml). The exam is data, never code: a new exam version
 * (MLA-C02, say) is another file, and items name the exam versions they are valid for.
 */

const bulletSchema = z.strictObject({
  id: z.string().regex(/^\d\.\d\.[ks]\d+$/),
  text: z.string().min(1),
  examples: z.array(z.string()).optional(),
});

const taskSchema = z.strictObject({
  id: z.string().regex(/^\d\.\d$/),
  title: z.string().min(1),
  knowledge: z.array(bulletSchema),
  skills: z.array(bulletSchema),
});

const domainSchema = z.strictObject({
  id: z.string().regex(/^\d$/),
  name: z.string().min(1),
  weight: z.number().positive(),
  tasks: z.array(taskSchema).min(1),
});

export const profileSchema = z
  .strictObject({
    label: z.string().min(1),
    items: z.number().int().positive(),
    scored: z.number().int().positive(),
    unscored: z.number().int().min(0),
    minutes: z.number().int().positive(),
  })
  .refine((p) => p.scored + p.unscored === p.items, { message: 'scored + unscored must equal items' });

const moduleSchema = z.strictObject({
  id: z.number().int().positive(),
  title: z.string().min(1),
  titleFr: z.string().min(1),
  tasks: z.array(z.string().regex(/^\d\.\d$/)),
  kind: z.enum(['content', 'mock']).default('content'),
});

export const examSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  code: z.string().min(1),
  name: z.string().min(1),
  guideVersion: z.string().min(1),
  scale: z.strictObject({ min: z.number().int(), max: z.number().int(), pass: z.number().int() }),
  profiles: z.record(z.string().regex(/^[a-z0-9-]+$/), profileSchema),
  accommodations: z.record(z.string(), z.strictObject({ extraMinutes: z.number().int().positive(), label: z.string() })),
  retakeWaitDays: z.number().int().min(0),
  domains: z.array(domainSchema).min(1),
  modules: z.array(moduleSchema),
  inScopeServices: z.array(z.string()).default([]),
  outOfScopeServices: z.array(z.string()).default([]),
});

export type ExamDefinition = z.infer<typeof examSchema>;
export type ExamProfile = z.infer<typeof profileSchema>;
export type Domain = ExamDefinition['domains'][number];
export type TaskStatement = Domain['tasks'][number];
export type SyllabusModule = ExamDefinition['modules'][number];

/** Lookup tables derived once from a definition. */
export interface ExamIndex {
  exam: ExamDefinition;
  taskDomain: Map<string, string>;
  bullets: Map<string, { task: string; text: string }>;
  modules: Map<number, SyllabusModule>;
}

export function indexExam(exam: ExamDefinition): ExamIndex {
  const taskDomain = new Map<string, string>();
  const bullets = new Map<string, { task: string; text: string }>();
  for (const d of exam.domains) {
    for (const t of d.tasks) {
      taskDomain.set(t.id, d.id);
      for (const b of [...t.knowledge, ...t.skills]) bullets.set(b.id, { task: t.id, text: b.text });
    }
  }
  return { exam, taskDomain, bullets, modules: new Map(exam.modules.map((m) => [m.id, m])) };
}
