import { z } from 'zod';

/** The contracts of key disputes, corrections, the public changelog and the notices of re-scored attempts. */

/** POST /api/attempts/:id/disputes/:position : once the key is revealed, the options (presentation ids) the candidate believes right, why, and a page. */
export const createDisputeSchema = z.strictObject({
  proposed: z.array(z.string().max(8)).max(10).default([]),
  reason: z.string().trim().min(20, 'says too little: explain why in at least 20 characters').max(4000),
  link: z
    .string()
    .trim()
    .max(500)
    .url('is not a web address')
    .refine((u) => u.startsWith('https://'), 'must start with https://')
    .nullable()
    .default(null),
});
export type CreateDispute = z.infer<typeof createDisputeSchema>;

export const DISPUTE_STATUSES = ['open', 'accepted', 'rejected'] as const;
/** A candidate's own dispute, with the decision once taken. */
export const myDisputeSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  exam: z.string(),
  proposed: z.array(z.string()),
  reason: z.string(),
  link: z.string().nullable(),
  status: z.enum(DISPUTE_STATUSES),
  resolution: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type MyDispute = z.infer<typeof myDisputeSchema>;

/** GET /api/disputes (authors): open disputes grouped by item, with the item as served and its statistics. */
export const disputeQueueSchema = z.object({
  items: z.array(
    z.object({
      itemId: z.string(),
      exams: z.array(z.string()),
      stem: z.string(),
      type: z.string(),
      options: z.array(z.object({ id: z.string(), text: z.string(), correct: z.boolean(), why: z.string().nullable(), proposedBy: z.number().int() })),
      explanation: z.string().nullable(),
      stats: z.object({ responses: z.number().int(), shareRight: z.number().nullable(), calibrated: z.object({ a: z.number(), d: z.number() }).nullable() }),
      disputes: z.array(z.object({ id: z.string(), proposed: z.array(z.string()), reason: z.string(), link: z.string().nullable(), createdAt: z.string() })),
    }),
  ),
});
export type DisputeQueue = z.infer<typeof disputeQueueSchema>;

/** POST /api/disputes/items/:itemId/resolve : accept with the corrected key (bank option ids) and rationales, reject, or retire the item; the reason is what the candidates read. */
export const resolveDisputeSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept'), reason: z.string().trim().min(10).max(4000), key: z.array(z.string().max(8)).min(1).max(10), why: z.record(z.string().max(8), z.string().max(2000)).default({}), explanation: z.string().max(4000).optional() }),
  z.strictObject({ decision: z.literal('reject'), reason: z.string().trim().min(10).max(4000) }),
  z.strictObject({ decision: z.literal('retire'), reason: z.string().trim().min(10).max(4000) }),
]);
export type ResolveDispute = z.infer<typeof resolveDisputeSchema>;
export const resolveResultSchema = z.object({ decision: z.enum(['accept', 'reject', 'retire']), disputes: z.number().int(), rescored: z.number().int(), changeId: z.string().nullable() });

export const CHANGE_KINDS = ['key-corrected', 'rationale-fixed', 'item-retired'] as const;
/** GET /api/exams/:exam/changelog : public, never an item's text or key; `detail` only for a signed-in user who met the item. */
export const changelogSchema = z.object({
  exam: z.string(),
  changes: z.array(z.object({ date: z.string(), itemId: z.string(), kind: z.enum(CHANGE_KINDS), detail: z.string().nullable() })),
});
export type Changelog = z.infer<typeof changelogSchema>;

const scoreLineSchema = z.object({ raw: z.number(), scoredItems: z.number(), scaled: z.number().nullable(), passed: z.boolean().nullable() });
/** GET /api/notices : the caller's attempts re-scored after a correction. */
export const noticesSchema = z.object({
  notices: z.array(z.object({ attemptId: z.string(), itemId: z.string(), kind: z.enum(CHANGE_KINDS), summary: z.string(), before: scoreLineSchema, after: scoreLineSchema, date: z.string(), seen: z.boolean() })),
  disputes: z.array(myDisputeSchema),
});
export type Notices = z.infer<typeof noticesSchema>;
