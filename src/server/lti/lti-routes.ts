import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { registerPlatformSchema } from '../../core/api/contracts.ts';
import { validate } from '../validate.ts';
import type { LtiPlatforms } from './platforms.ts';
import type { ToolKeys } from './tool-keys.ts';

/** The LTI 1.3 tool: its public endpoints (outside `/api`: platforms call them) and the administration of the platforms it trusts. */
export function ltiRoutes(app: FastifyInstance, opts: { keys: ToolKeys; platforms: LtiPlatforms }): void {
  // Platforms fetch this to verify what the tool signs; a short cache lets a rotation show within minutes.
  // Administrators register the platforms the tool trusts (who may call each: `route-access.ts`).
  app.get('/api/admin/lti/platforms', async () => opts.platforms.list());
  app.post('/api/admin/lti/platforms', async (req, reply) => reply.code(201).send(await opts.platforms.register(validate(registerPlatformSchema, req.body))));
  app.post('/api/admin/lti/platforms/:id/delete', async (req, reply) => {
    await opts.platforms.remove(validate(z.strictObject({ id: z.string().uuid('is not a platform id') }), req.params, 'address').id);
    return reply.code(204).send();
  });
  app.get('/lti/jwks', async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send(await opts.keys.jwks()));
}
