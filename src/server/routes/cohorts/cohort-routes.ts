import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addTutorSchema, createAssignmentSchema, createCohortSchema, joinCohortSchema } from '../../../core/api/contracts.ts';
import { requireUser } from '../../plugins/auth-plugin.ts';
import type { AssignmentService } from '../../services/assignment-service.ts';
import type { CohortBoardService } from '../../services/cohort-board-service.ts';
import type { CohortItemsService } from '../../services/cohort-items-service.ts';
import type { CohortService } from '../../services/cohort-service.ts';
import { validate } from '../../validate.ts';

const idParams = z.strictObject({ id: z.string().uuid('is not a cohort id') });
const memberParams = z.strictObject({ id: z.string().uuid('is not a cohort id'), userId: z.string().min(1).max(64) });

/** Cohorts: created and run by tutors, joined by candidates with an invite code (who may call each: `route-access.ts`). */
export function cohortRoutes(app: FastifyInstance, opts: { cohorts: CohortService; assignments: AssignmentService; board: CohortBoardService; items: CohortItemsService }): void {
  app.get('/api/cohorts/:id/items', async (req) => opts.items.analysis(requireUser(req), validate(idParams, req.params, 'address').id));
  app.get('/api/cohorts/:id/board', async (req) => opts.board.board(requireUser(req), validate(idParams, req.params, 'address').id));
  app.get('/api/cohorts/:id/board.csv', async (req, reply) => {
    const csv = await opts.board.csv(requireUser(req), validate(idParams, req.params, 'address').id);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="certprep-cohort.csv"').send(csv);
  });
  const assignmentParams = z.strictObject({ id: z.string().uuid('is not a cohort id'), assignmentId: z.string().uuid('is not an assignment id') });
  app.get('/api/assignments', async (req) => opts.assignments.mine(requireUser(req), validate(z.strictObject({ exam: z.string().min(1).max(40).optional() }), req.query, 'query').exam));
  app.get('/api/cohorts/:id/assignments', async (req) => opts.assignments.forCohort(requireUser(req), validate(idParams, req.params, 'address').id));
  app.post('/api/cohorts/:id/assignments', async (req, reply) => reply.code(201).send(await opts.assignments.create(requireUser(req), validate(idParams, req.params, 'address').id, validate(createAssignmentSchema, req.body))));
  app.post('/api/cohorts/:id/assignments/:assignmentId/delete', async (req, reply) => {
    const { id, assignmentId } = validate(assignmentParams, req.params, 'address');
    await opts.assignments.remove(requireUser(req), id, assignmentId);
    return reply.code(204).send();
  });
  app.post('/api/cohorts', async (req, reply) => reply.code(201).send(await opts.cohorts.create(requireUser(req), validate(createCohortSchema, req.body))));
  app.get('/api/cohorts', async (req) => opts.cohorts.list(requireUser(req)));
  app.post('/api/cohorts/join', async (req) => opts.cohorts.join(requireUser(req), validate(joinCohortSchema, req.body).code));
  app.get('/api/cohorts/:id', async (req) => opts.cohorts.view(requireUser(req), validate(idParams, req.params, 'address').id));
  app.post('/api/cohorts/:id/tutors', async (req) => opts.cohorts.addTutor(requireUser(req), validate(idParams, req.params, 'address').id, validate(addTutorSchema, req.body).email));
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
