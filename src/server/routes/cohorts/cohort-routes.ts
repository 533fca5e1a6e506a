import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createCohortSchema, joinCohortSchema } from '../../../core/api/contracts.ts';
import { requireUser } from '../../plugins/auth-plugin.ts';
import type { CohortService } from '../../services/cohort-service.ts';
import { validate } from '../../validate.ts';

const idParams = z.strictObject({ id: z.string().uuid('is not a cohort id') });
const memberParams = z.strictObject({ id: z.string().uuid('is not a cohort id'), userId: z.string().min(1).max(64) });

/** Cohorts: created and run by tutors, joined by candidates with an invite code (who may call each: `route-access.ts`). */
export function cohortRoutes(app: FastifyInstance, opts: { cohorts: CohortService }): void {
  app.post('/api/cohorts', async (req, reply) => reply.code(201).send(await opts.cohorts.create(requireUser(req), validate(createCohortSchema, req.body))));
  app.get('/api/cohorts', async (req) => opts.cohorts.list(requireUser(req)));
  app.post('/api/cohorts/join', async (req) => opts.cohorts.join(requireUser(req), validate(joinCohortSchema, req.body).code));
  app.get('/api/cohorts/:id', async (req) => opts.cohorts.view(requireUser(req), validate(idParams, req.params, 'address').id));
  app.post('/api/cohorts/:id/invite', async (req) => opts.cohorts.newInvite(requireUser(req), validate(idParams, req.params, 'address').id));
  app.post('/api/cohorts/:id/members/:userId/remove', async (req) => {
    const { id, userId } = validate(memberParams, req.params, 'address');
    return opts.cohorts.removeMember(requireUser(req), id, userId);
  });
  app.post('/api/cohorts/:id/leave', async (req, reply) => {
    await opts.cohorts.leave(requireUser(req), validate(idParams, req.params, 'address').id);
    return reply.code(204).send();
  });
}
