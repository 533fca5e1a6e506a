import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { lessonReadingSchema, rateCardSchema } from '../../../core/api/contracts.ts';
import { requireUser } from '../../plugins/auth-plugin.ts';
import type { StudyService } from '../../services/study-service.ts';
import { validate } from '../../validate.ts';

const examQuery = z.strictObject({ exam: z.string().min(1).max(40).optional() });
const lessonParams = z.strictObject({ id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'is not a lesson id').max(80) });
const cardParams = z.strictObject({ id: z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, 'is not a flash card id').max(120) });

/** The study path, its lessons and the flash cards; the exam is the one named, else the user's, else the default. */
export function studyRoutes(app: FastifyInstance, opts: { study: StudyService; defaultExam: string }): void {
  const examOf = (query: unknown, user: { exam: string | null }) => validate(examQuery, query, 'query').exam ?? user.exam ?? opts.defaultExam;
  app.get('/api/study', async (req) => {
    const user = requireUser(req);
    return opts.study.path(user, examOf(req.query, user));
  });
  app.get('/api/lessons/:id', async (req) => {
    const user = requireUser(req);
    return opts.study.lesson(user, validate(lessonParams, req.params, 'address').id, examOf(req.query, user));
  });
  app.post('/api/lessons/:id/reading', async (req, reply) => {
    const user = requireUser(req);
    const body = validate(lessonReadingSchema, req.body);
    await opts.study.recordReading(user, validate(lessonParams, req.params, 'address').id, body.exam, body.addMs, body.read);
    return reply.code(204).send();
  });
  app.get('/api/cards/due', async (req) => {
    const user = requireUser(req);
    return opts.study.dueCards(user, examOf(req.query, user));
  });
  app.post('/api/cards/:id/rating', async (req) => {
    const user = requireUser(req);
    const body = validate(rateCardSchema, req.body);
    return opts.study.rateCard(user, validate(cardParams, req.params, 'address').id, body.exam, body.rating);
  });
}
