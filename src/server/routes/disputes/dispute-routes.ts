import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createDisputeSchema, resolveDisputeSchema } from '../../../core/api/contracts.ts';
import { requireUser } from '../../plugins/auth-plugin.ts';
import type { DisputeService } from '../../services/dispute-service.ts';
import { validate } from '../../validate.ts';

const positionParams = z.strictObject({ id: z.string().min(1).max(64), position: z.coerce.number().int().min(0).max(500) });
const itemParams = z.strictObject({ itemId: z.string().min(1).max(80) });
const examParams = z.strictObject({ exam: z.string().min(1).max(40) });

/** Key disputes, their resolution by authors, the notices of re-scored attempts and the public changelog (who may call each: `route-access.ts`). */
export function disputeRoutes(app: FastifyInstance, opts: { disputes: DisputeService }): void {
  app.post('/api/attempts/:id/disputes/:position', async (req, reply) => {
    const { id, position } = validate(positionParams, req.params, 'address');
    return reply.code(201).send(await opts.disputes.create(requireUser(req), id, position, validate(createDisputeSchema, req.body)));
  });
  app.get('/api/notices', async (req) => opts.disputes.notices(requireUser(req)));
  app.post('/api/notices/seen', async (req, reply) => {
    await opts.disputes.markSeen(requireUser(req));
    return reply.code(204).send();
  });
  app.get('/api/disputes', async () => opts.disputes.queue());
  app.post('/api/disputes/items/:itemId/resolve', async (req) => opts.disputes.resolve(requireUser(req), validate(itemParams, req.params, 'address').itemId, validate(resolveDisputeSchema, req.body)));
  app.get('/api/exams/:exam/changelog', async (req) => opts.disputes.changelog(validate(examParams, req.params, 'address').exam, req.user ?? undefined));
}
