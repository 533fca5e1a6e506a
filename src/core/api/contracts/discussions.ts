import { z } from 'zod';

/** The contracts of the discussion under each question, and the platform setting that scopes it. */

export const DISCUSSION_SCOPES = ['cohort', 'global'] as const;
/** GET /api/items/:itemId/discussion : for someone who answered the question (or a moderator). */
export const discussionSchema = z.object({
  itemId: z.string(),
  scope: z.enum(DISCUSSION_SCOPES),
  locked: z.boolean(),
  canPost: z.boolean(),
  canModerate: z.boolean(),
  posts: z.array(z.object({ id: z.string(), author: z.string(), mine: z.boolean(), createdAt: z.string(), body: z.string(), hidden: z.boolean() })),
});
export type Discussion = z.infer<typeof discussionSchema>;
/** POST /api/items/:itemId/discussion : plain text, shown as typed (never as HTML or Markdown). */
export const newPostSchema = z.strictObject({ body: z.string().trim().min(1, 'is empty').max(2000, 'is longer than 2,000 characters') });
export const hidePostSchema = z.strictObject({ hidden: z.boolean() });
export const lockThreadSchema = z.strictObject({ locked: z.boolean() });
/** GET and PUT /api/admin/settings : who reads each other's posts, within their cohorts or everyone. */
export const platformSettingsSchema = z.strictObject({ discussionScope: z.enum(DISCUSSION_SCOPES) });
export type PlatformSettings = z.infer<typeof platformSettingsSchema>;
