import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hidePostSchema, lockThreadSchema, newPostSchema, platformSettingsSchema } from '../../../core/api/contracts.ts';
import { requireUser } from '../../plugins/auth-plugin.ts';
import type { DiscussionService } from '../../services/discussion-service.ts';
import { validate } from '../../validate.ts';

const itemParams = z.strictObject({ itemId: z.string().min(1).max(80) });
const postParams = z.strictObject({ itemId: z.string().min(1).max(80), postId: z.string().uuid('is not a post id') });

/** The discussion under each question, its moderation, and the setting that scopes it (who may call each: `route-access.ts`). */
export function discussionRoutes(app: FastifyInstance, opts: { discussions: DiscussionService }): void {
  app.get('/api/items/:itemId/discussion', async (req) => opts.discussions.view(requireUser(req), validate(itemParams, req.params, 'address').itemId));
  app.post('/api/items/:itemId/discussion', async (req, reply) => reply.code(201).send(await opts.discussions.post(requireUser(req), validate(itemParams, req.params, 'address').itemId, validate(newPostSchema, req.body).body)));
  app.post('/api/items/:itemId/discussion/:postId/hide', async (req) => {
    const { itemId, postId } = validate(postParams, req.params, 'address');
    return opts.discussions.hide(requireUser(req), itemId, postId, validate(hidePostSchema, req.body).hidden);
  });
  app.post('/api/items/:itemId/discussion/lock', async (req) => opts.discussions.lock(requireUser(req), validate(itemParams, req.params, 'address').itemId, validate(lockThreadSchema, req.body).locked));
  app.get('/api/admin/settings', async () => opts.discussions.settings());
  app.put('/api/admin/settings', async (req) => opts.discussions.setSettings(validate(platformSettingsSchema, req.body)));
}
