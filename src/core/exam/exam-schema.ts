import { z } from 'zod';

/**
 * An exam definition (content/exams/*.yaml). The exam is data, never code: a new exam version
 * (MLA-C02, say) is another file, and items name the exam versions they are valid for.
 */

const bulletSchema = z.strictObject({
  id: z.string().regex(/^\d\.\d\.[ks]\d+$/),
  text: z.string().min(1),
  examples: z.array(z.string()).optional(),
  /** A skill this exam version added (its wording is AWS's own). */
  new: z.boolean().optional(),
  /** `paraphrase`: the wording comes from secondary sources, not the official guide. */
  wording: z.enum(['official', 'paraphrase']).optional(),
  /** `uncertain`: the facts file could not fix this skill's number (it may swap with a neighbour's). */
  numbering: z.enum(['uncertain']).optional(),
});

const taskSchema = z.strictObject({
  id: z.string().regex(/^\d\.\d$/),
  title: z.string().min(1),
  /** The title in French, for the interface (the official title stays English). */
  titleFr: z.string().min(1).optional(),
  /** MLA-C01 lists knowledge bullets beside its skills; MLA-C02 has numbered skills only. */
  knowledge: z.array(bulletSchema).default([]),
  skills: z.array(bulletSchema),
});

const domainSchema = z.strictObject({
  id: z.string().regex(/^\d$/),
  name: z.string().min(1),
  nameFr: z.string().min(1).optional(),
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
    /** What the user should know about this profile's facts (an unconfirmed duration, our own split). */
    note: z.string().min(1).optional(),
  })
  .refine((p) => p.scored + p.unscored === p.items, { message: 'scored + unscored must equal items' });

const moduleSchema = z.strictObject({
  id: z.number().int().positive(),
  title: z.string().min(1),
  titleFr: z.string().min(1),
  tasks: z.array(z.string().regex(/^\d\.\d$/)),
  /** The bullets or skills the module teaches (listed for MLA-C02's study path). */
  skills: z.array(z.string().regex(/^\d\.\d\.[ks]\d+$/)).optional(),
  kind: z.enum(['content', 'mock']).default('content'),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-09-28');

/** When the exam version can be sat: a beta, a general availability (reported or confirmed), last sittings. */
const availabilitySchema = z.strictObject({
  betaFrom: isoDate.optional(),
  betaLanguages: z.array(z.string()).optional(),
  generalAvailability: z.strictObject({ date: isoDate, confirmed: z.boolean() }).optional(),
  /** The exam version that replaces this one. */
  successor: z.string().optional(),
  lastSittings: z
    .array(
      z.strictObject({
        languages: z.array(z.string()).min(1),
        date: isoDate.optional(),
        /** The last sitting is the day before the successor's general availability. */
        untilSuccessorGeneralAvailability: z.literal(true).optional(),
      }),
    )
    .optional(),
});

export const LIFECYCLE_STATUSES = ['closed', 'maintenance', 'shut-down', 'end-of-support', 'open'] as const;

/** A service whose availability changed: closed to new customers, in maintenance, shut down, or open again. */
const lifecycleSchema = z.strictObject({
  service: z.string().min(1),
  /** Names that identify the service in an item's text. */
  match: z.array(z.string().min(2)).min(1),
  status: z.enum(LIFECYCLE_STATUSES),
  date: isoDate.optional(),
  confidence: z.enum(['official', 'corroborated', 'secondary', 'unverified']),
  note: z.string().optional(),
});

export const MOCK_TYPES = ['single', 'multiple', 'ordering', 'matching', 'case'] as const;

export const examSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  code: z.string().min(1),
  name: z.string().min(1),
  guideVersion: z.string().min(1),
  scale: z.strictObject({ min: z.number().int(), max: z.number().int(), pass: z.number().int() }),
  profiles: z.record(z.string().regex(/^[a-z0-9-]+$/), profileSchema),
  accommodations: z.record(z.string(), z.strictObject({ extraMinutes: z.number().int().positive(), label: z.string() })),
  retakeWaitDays: z.number().int().min(0),
  /** Item types a mock exam may draw on (case: whole case studies). */
  mockTypes: z.array(z.enum(MOCK_TYPES)).min(1).default([...MOCK_TYPES]),
  availability: availabilitySchema.default({}),
  /** Coverage targets: questions per bullet or skill in the pool a mock may draw on; perNewBullet for added skills. */
  coverage: z
    .strictObject({
      perBullet: z.number().int().min(0),
      perNewBullet: z.number().int().min(0).optional(),
      /** How the linter reports a shortfall: `warning` while an exam version's bank is still being written. */
      severity: z.enum(['error', 'warning']).default('error'),
    })
    .default({ perBullet: 2, severity: 'error' }),
  domains: z.array(domainSchema).min(1),
  modules: z.array(moduleSchema),
  serviceLifecycle: z.array(lifecycleSchema).default([]),
  inScopeServices: z.array(z.string()).default([]),
  outOfScopeServices: z.array(z.string()).default([]),
});

export type ExamDefinition = z.infer<typeof examSchema>;
export type ExamProfile = z.infer<typeof profileSchema>;
export type Domain = ExamDefinition['domains'][number];
export type TaskStatement = Domain['tasks'][number];
export type SyllabusModule = ExamDefinition['modules'][number];
export type ServiceLifecycle = ExamDefinition['serviceLifecycle'][number];
export type MockType = (typeof MOCK_TYPES)[number];

/** Whether a mock of the exam may hold a question of this type (a case-study question: where the exam has case studies). */
export function mockMayHold(exam: ExamDefinition, type: string, inCase: boolean): boolean {
  return (exam.mockTypes as readonly string[]).includes(inCase ? 'case' : type);
}

/** Lookup tables derived once from a definition. */
export interface ExamIndex {
  exam: ExamDefinition;
  taskDomain: Map<string, string>;
  bullets: Map<string, { task: string; text: string; new: boolean }>;
  modules: Map<number, SyllabusModule>;
}

export function indexExam(exam: ExamDefinition): ExamIndex {
  const taskDomain = new Map<string, string>();
  const bullets = new Map<string, { task: string; text: string; new: boolean }>();
  for (const d of exam.domains) {
    for (const t of d.tasks) {
      taskDomain.set(t.id, d.id);
      for (const b of [...t.knowledge, ...t.skills]) bullets.set(b.id, { task: t.id, text: b.text, new: b.new === true });
    }
  }
  return { exam, taskDomain, bullets, modules: new Map(exam.modules.map((m) => [m.id, m])) };
}
