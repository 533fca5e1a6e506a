import type { FastifyInstance } from 'fastify';
import type { ToolKeys } from './tool-keys.ts';

/** The LTI 1.3 tool's public endpoints (outside `/api`: platforms call them, not the web app). */
export function ltiRoutes(app: FastifyInstance, opts: { keys: ToolKeys }): void {
  // Platforms fetch this to verify what the tool signs; a short cache lets a rotation show within minutes.
  app.get('/lti/jwks', async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send(await opts.keys.jwks()));
}
