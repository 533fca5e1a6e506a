import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { itemNoteSchema, questionTimeSchema, saveAnswerSchema, startAttemptSchema, type ScoreReport, type User } from '../../../core/api/contracts.ts';
import { requireUser } from '../../plugins/auth-plugin.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { pauseOrResume } from '../../services/attempt-pause.ts';
import type { AttemptService } from '../../services/attempt-service.ts';
import type { QuestionTimeService } from '../../services/question-time-service.ts';
import type { ItemNotesService } from '../../services/item-notes-service.ts';
import { validate } from '../../validate.ts';

const idParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'is not an attempt id') });
const positionParams = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'is not an attempt id'),
  // Digits only: "0x1", "1.0" or "1e0" are not item numbers.
  position: z
    .string()
    .regex(/^(0|[1-9]\d{0,2})$/, 'must be an item number')
    .transform(Number),
});

export function attemptRoutes(app: FastifyInstance, opts: { attempts: AttemptService; times: QuestionTimeService; notes: ItemNotesService; db: Kysely<Database>; now: () => number }): void {
  const svc = opts.attempts;
  app.post('/api/attempts', async (req, reply) => {
    const user = requireUser(req);
    const view = await svc.start(user, validate(startAttemptSchema, req.body));
    return reply.code(201).send(view);
  });
  app.get('/api/attempts/:id', async (req) => {
    const user = requireUser(req);
    return opts.notes.withNotes(user, await opts.times.withTimes(await svc.view(user, validate(idParams, req.params, 'address').id)));
  });
  app.put('/api/attempts/:id/unsure/:position', async (req) => {
    const user = requireUser(req);
    const { id, position } = validate(positionParams, req.params, 'address');
    return opts.notes.markUnsure(user, id, position, validate(z.strictObject({ unsure: z.boolean() }), req.body).unsure);
  });
  app.put('/api/attempts/:id/notes/:position', async (req) => {
    const user = requireUser(req);
    const { id, position } = validate(positionParams, req.params, 'address');
    return opts.notes.save(user, id, position, validate(itemNoteSchema, req.body));
  });
  app.put('/api/attempts/:id/time', async (req, reply) => {
    const user = requireUser(req);
    await opts.times.record(user, validate(idParams, req.params, 'address').id, validate(questionTimeSchema, req.body));
    return reply.code(204).send();
  });
  app.put('/api/attempts/:id/answers/:position', async (req) => {
    const user = requireUser(req);
    const { id, position } = validate(positionParams, req.params, 'address');
    return svc.save(user, id, position, validate(saveAnswerSchema, req.body));
  });
  app.post('/api/attempts/:id/check/:position', async (req) => {
    const user = requireUser(req);
    const { id, position } = validate(positionParams, req.params, 'address');
    return svc.check(user, id, position);
  });
  app.post('/api/attempts/:id/next', async (req) => svc.next(requireUser(req), validate(idParams, req.params, 'address').id));
  for (const action of ['pause', 'resume'] as const) {
    app.post(`/api/attempts/:id/${action}`, async (req) => {
      const user = requireUser(req);
      const { id } = validate(idParams, req.params, 'address');
      await pauseOrResume(opts, user, id, action);
      svc.forget(id);
      return svc.view(user, id);
    });
  }
  app.post('/api/attempts/:id/abandon', async (req, reply) => {
    await svc.abandon(requireUser(req), validate(idParams, req.params, 'address').id);
    return reply.code(204).send();
  });
  // A report is read with the time spent and the user's notes, neither of which is stored in it.
  const fullReport = async (user: User, report: ScoreReport) => opts.notes.reportWithNotes(user, await opts.times.reportWithTimes(report));
  app.post('/api/attempts/:id/submit', async (req) => {
    const user = requireUser(req);
    return fullReport(user, await svc.submit(user, validate(idParams, req.params, 'address').id));
  });
  app.get('/api/attempts/:id/report', async (req) => {
    const user = requireUser(req);
    return fullReport(user, await svc.report(user, validate(idParams, req.params, 'address').id));
  });
}
