import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireUser } from '../../plugins/auth-plugin.ts';
import type { AttemptService } from '../../services/attempt-service.ts';
import { validate } from '../../validate.ts';

const query = z.strictObject({ exam: z.string().min(1).default('mla-c01') });

export function progressRoutes(app: FastifyInstance, opts: { attempts: AttemptService }): void {
  app.get('/api/progress', async (req) => opts.attempts.progress(requireUser(req), validate(query, req.query, 'query').exam));
}
