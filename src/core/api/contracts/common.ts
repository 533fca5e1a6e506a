import { z } from 'zod';

/** Pieces every contract file uses. */

/** A calendar day, `YYYY-MM-DD`, that exists. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2027-02-15')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a real date');

/** The kinds of attempt: a mock exam, a practice, the adaptive quick check. */
export const ATTEMPT_KINDS = ['mock', 'practice', 'quick'] as const;
export type AttemptKind = (typeof ATTEMPT_KINDS)[number];
