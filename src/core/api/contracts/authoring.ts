import { z } from 'zod';
import { presentedItemSchema } from '../contracts.ts';

/** The contracts of writing and reviewing items in the app. */

export const DRAFT_STATUSES = ['draft', 'review', 'published'] as const;
const problemSchema = z.object({ severity: z.enum(['error', 'warning']), code: z.string(), message: z.string(), line: z.number(), column: z.number() });

export const draftSummarySchema = z.object({ id: z.string(), itemId: z.string(), status: z.enum(DRAFT_STATUSES), isNew: z.boolean(), author: z.string().nullable(), reviewer: z.string().nullable(), updatedAt: z.string() });
export type DraftSummary = z.infer<typeof draftSummarySchema>;
/** GET /api/authoring/drafts/:id : the YAML, what `certprep validate` and `lint` say of it, the preview, the diff with the version it edits, the item's statistics. */
export const draftViewSchema = draftSummarySchema.extend({
  yaml: z.string(),
  reviewNote: z.string().nullable(),
  mine: z.boolean(),
  problems: z.array(problemSchema),
  // Lazy: this file is re-exported by contracts.ts, which defines presentedItemSchema after importing it.
  preview: z.lazy(() => z.array(presentedItemSchema)),
  diff: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })),
  stats: z.object({ responses: z.number().int(), shareRight: z.number().nullable(), calibrated: z.object({ a: z.number(), d: z.number() }).nullable() }).nullable(),
});
export type DraftView = z.infer<typeof draftViewSchema>;
/** POST /api/authoring/drafts : a draft of an existing item (its current version), or a new item of a type. */
export const startDraftSchema = z.union([z.strictObject({ itemId: z.string().min(1).max(80) }), z.strictObject({ type: z.enum(['single', 'multiple', 'ordering', 'matching']), exam: z.string().min(1).max(40) })]);
export const saveDraftSchema = z.strictObject({ yaml: z.string().max(100_000, 'is longer than 100,000 characters') });
export const reviewDraftSchema = z.strictObject({ approve: z.boolean(), note: z.string().trim().max(4000).default('') });
