import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireUser } from '../../plugins/auth-plugin.ts';
import type { ProgressService } from '../../services/progress-service.ts';
import { validate } from '../../validate.ts';

const examQuery = z.strictObject({ exam: z.string().min(1).max(40).optional() });

/** Progress and history per exam: the exam named in the query, else the one the user prepares for, else the default. */
export function progressRoutes(app: FastifyInstance, opts: { progress: ProgressService; defaultExam: string }): void {
  app.get('/api/progress', async (req) => {
    const user = requireUser(req);
    return opts.progress.progress(user, validate(examQuery, req.query, 'query').exam ?? user.exam ?? opts.defaultExam);
  });
  app.get('/api/attempts', async (req) => {
    const user = requireUser(req);
    return opts.progress.history(user, validate(examQuery, req.query, 'query').exam);
  });
}
