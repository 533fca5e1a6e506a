import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { reviewDraftSchema, saveDraftSchema, startDraftSchema } from '../../../core/api/contracts.ts';
import { requireUser } from '../../plugins/auth-plugin.ts';
import type { AuthoringService } from '../../services/authoring-service.ts';
import { validate } from '../../validate.ts';

const idParams = z.strictObject({ id: z.string().uuid('is not a draft id') });

/** Writing and reviewing items (who may call each: `route-access.ts`). */
export function authoringRoutes(app: FastifyInstance, opts: { authoring: AuthoringService }): void {
  const id = (params: unknown) => validate(idParams, params, 'address').id;
  app.get('/api/authoring/drafts', async () => opts.authoring.list());
  app.post('/api/authoring/drafts', async (req, reply) => reply.code(201).send(await opts.authoring.start(requireUser(req), validate(startDraftSchema, req.body))));
  app.get('/api/authoring/drafts/:id', async (req) => opts.authoring.view(requireUser(req), id(req.params)));
  app.put('/api/authoring/drafts/:id', async (req) => opts.authoring.save(requireUser(req), id(req.params), validate(saveDraftSchema, req.body).yaml));
  app.post('/api/authoring/drafts/:id/submit', async (req) => opts.authoring.submit(requireUser(req), id(req.params)));
  app.post('/api/authoring/drafts/:id/review', async (req) => {
    const body = validate(reviewDraftSchema, req.body);
    return opts.authoring.review(requireUser(req), id(req.params), body.approve, body.note);
  });
}
