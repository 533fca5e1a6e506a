import type { FastifyInstance, FastifyReply } from 'fastify';
import type { LtiPlatforms } from './platforms.ts';

/** Other instances see a platform registered or removed within this time. */
const REFRESH_MS = 60_000;

/**
 * The origins of the registered platforms: the only sites allowed to frame the web app (a course page
 * embedding certprep) and to receive its forms (a deep-linking response posted back to the platform).
 */
export class FrameOrigins {
  private cached: { at: number; origins: string[] } | undefined;
  constructor(private readonly deps: { platforms: LtiPlatforms; now: () => number }) {}

  async list(): Promise<string[]> {
    if (this.cached && this.deps.now() - this.cached.at < REFRESH_MS) return this.cached.origins;
    const origins = [...new Set((await this.deps.platforms.list()).flatMap((p) => [p.issuer, p.authUrl].map((u) => new URL(u).origin)))];
    this.cached = { at: this.deps.now(), origins };
    return origins;
  }

  forget(): void {
    this.cached = undefined;
  }
}

/**
 * Widens the pages' content security policy (set by helmet, framing refused) for the registered platforms:
 * `frame-ancestors` and `form-action` name their origins, and X-Frame-Options (which cannot name a site) goes.
 */
export function allowPlatformFrames(app: FastifyInstance, origins: FrameOrigins): void {
  const widen = async (reply: FastifyReply) => {
    const allowed = await origins.list();
    const csp = reply.getHeader('content-security-policy');
    if (!allowed.length || typeof csp !== 'string') return;
    const list = allowed.join(' ');
    reply.header('content-security-policy', csp.replace("frame-ancestors 'none'", `frame-ancestors 'self' ${list}`).replace("form-action 'self'", `form-action 'self' ${list}`));
    reply.removeHeader('x-frame-options');
  };
  app.addHook('onSend', (req, reply, payload, done) => {
    // Every page and file, not only HTML: a 304 (no content type) would otherwise revive the strict policy in
    // the browser's cache. API answers are never framed, and go through without a promise.
    if (req.url.startsWith('/api/')) return done(null, payload);
    widen(reply).then(() => done(null, payload), (e: unknown) => done(e as Error));
  });
}
