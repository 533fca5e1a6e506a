import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { examResultSchema, lessonReadingSchema, planSettingsSchema, rateCardSchema } from '../../../core/api/contracts.ts';
import type { ExamResultService } from '../../services/exam-result-service.ts';
import type { StudyPlanService } from '../../services/study-plan-service.ts';
import { requireUser } from '../../plugins/auth-plugin.ts';
import type { StudyService } from '../../services/study-service.ts';
import { validate } from '../../validate.ts';

const examQuery = z.strictObject({ exam: z.string().min(1).max(40).optional() });
const lessonParams = z.strictObject({ id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'is not a lesson id').max(80) });
const cardParams = z.strictObject({ id: z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, 'is not a flash card id').max(120) });

/** The study path, its lessons and the flash cards; the exam is the one named, else the user's, else the default. */
export function studyRoutes(app: FastifyInstance, opts: { study: StudyService; plans: StudyPlanService; results: ExamResultService; defaultExam: string }): void {
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
  app.get('/api/plan', async (req) => {
    const user = requireUser(req);
    return opts.plans.view(user, examOf(req.query, user));
  });
  app.put('/api/plan', async (req) => {
    const user = requireUser(req);
    const body = validate(planSettingsSchema, req.body);
    const view = await opts.plans.set(user, body.exam, body.examDate, body.hoursPerWeek);
    // The session's cached user carries the exam date: read it again on the next request.
    (app as unknown as { forgetUser: (id: string) => void }).forgetUser(user.id);
    return view;
  });
  app.get('/api/plan.ics', async (req, reply) => {
    const user = requireUser(req);
    const query = validate(z.strictObject({ exam: z.string().min(1).max(40).optional(), lang: z.enum(['en', 'fr']).optional() }), req.query, 'query');
    const exam = query.exam ?? user.exam ?? opts.defaultExam;
    const ics = await opts.plans.ics(user, exam, query.lang ?? user.locale);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="certprep-plan-${exam}.ics"`).send(ics);
  });
  app.get('/api/results', async (req) => {
    const user = requireUser(req);
    return opts.results.list(user, examOf(req.query, user));
  });
  app.post('/api/results', async (req, reply) => {
    const user = requireUser(req);
    return reply.code(201).send(await opts.results.record(user, validate(examResultSchema, req.body)));
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
