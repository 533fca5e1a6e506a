import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { User } from '../../core/api/contracts.ts';
import { sessions } from '../../db/repositories/sessions.ts';
import type { Database } from '../../db/schema.ts';
import { localBus, type SessionBus } from './session-bus.ts';
import { AppError, unauthorized } from '../errors.ts';

export const SESSION_COOKIE = 'certprep_session';
export const CSRF_COOKIE = 'certprep_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_EXEMPT = new Set(['/api/lti/session']);
/** Sessions are cached this long per instance; a sign-out or a role change is told to every instance at once (`SessionBus`). */
const SESSION_CACHE_MS = 10_000;
/** A session's activity is written at most this often (the idle timeout is counted in hours). */
const TOUCH_EVERY_MS = 5 * 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    sessionState: 'none' | 'valid' | 'expired';
    csrfToken: string;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface AuthOptions {
  db: Kysely<Database>;
  now: () => number;
  secureCookies: boolean;
  /** A session unused this long expires (kept alive by requests, and by a timed attempt still running). */
  idleMs: number;
  /** How a sign-out or a role change reaches the other instances (none by default: one instance). */
  bus?: SessionBus | undefined;
}

/**
 * Sessions and cross-site request forgery protection:
 * - the session cookie is HttpOnly, SameSite=Lax, holding a random token whose SHA-256 is the stored id;
 * - every unsafe request must carry the `x-csrf-token` header equal to the `certprep_csrf` cookie
 *   (double submit; a cross-site page can neither read the cookie nor set the header), and an
 *   `Origin` header, when sent, must be this server's.
 */
export function authPlugin(app: FastifyInstance, opts: AuthOptions): void {
  const cache = new Map<string, { user: User | null; expired: boolean; at: number; lastSeenMs: number }>();
  app.decorateRequest('user', null);
  app.decorateRequest('sessionState', 'none');
  app.decorateRequest('csrfToken', '');

  const checkCsrf = (req: FastifyRequest, reply: FastifyReply) => {
    let csrf = req.cookies[CSRF_COOKIE];
    // The one-time code of an LTI launch is its own proof: the app framed by a course has no cookie yet.
    const exempt = CSRF_EXEMPT.has(req.url);
    if (!csrf || !/^[A-Za-z0-9_-]{32,64}$/.test(csrf)) {
      csrf = randomBytes(24).toString('base64url');
      reply.setCookie(CSRF_COOKIE, csrf, { path: '/', sameSite: 'strict', httpOnly: false, secure: opts.secureCookies });
      if (UNSAFE.has(req.method) && !exempt) throw new AppError(403, 'csrf', 'Missing security token: reload the page and try again.');
    }
    req.csrfToken = csrf;
    if (UNSAFE.has(req.method) && !exempt) {
      const header = req.headers['x-csrf-token'];
      const ok = typeof header === 'string' && header.length === csrf.length && timingSafeEqual(Buffer.from(header), Buffer.from(csrf));
      if (!ok) throw new AppError(403, 'csrf', 'Missing or wrong security token: reload the page and try again.');
      const origin = req.headers.origin;
      if (origin !== undefined && originHost(origin) !== req.headers.host) throw new AppError(403, 'csrf', 'Cross-site request refused.');
    }
  };

  type Cached = NonNullable<ReturnType<typeof cache.get>>;
  const sessionOf = async (id: string, now: number): Promise<Cached> => {
    const found = await sessions.find(opts.db, id, now, opts.idleMs);
    const valid = found && found !== 'expired' ? found : undefined;
    const hit = { user: valid?.user ?? null, expired: found === 'expired', at: now, lastSeenMs: valid?.lastSeenMs ?? 0 };
    if (cache.size > 50_000) cache.clear();
    cache.set(id, hit);
    return hit;
  };
  const needsTouch = (hit: Cached, now: number) => hit.user !== null && now - hit.lastSeenMs > TOUCH_EVERY_MS;
  const apply = (req: FastifyRequest, hit: Cached) => {
    req.user = hit.user;
    req.sessionState = hit.user ? 'valid' : hit.expired ? 'expired' : 'none';
  };
  const readAndApply = async (req: FastifyRequest, id: string, now: number, cached: Cached | undefined): Promise<void> => {
    const hit = cached ?? (await sessionOf(id, now));
    if (needsTouch(hit, now)) {
      hit.lastSeenMs = now;
      await sessions.touch(opts.db, id, now);
    }
    apply(req, hit);
  };

  // A callback hook, answered at once when the session is cached and needs no touch (almost every
  // request, autosave above all): the store is awaited only when it must be read or written.
  app.addHook('onRequest', (req, reply, done) => {
    if (!req.url.startsWith('/api/')) return done();
    // A session sent as a bearer header (the web app launched inside a course's frame, where cookies are
    // blocked) needs no CSRF token: a cross-site page can neither read the token nor set the header.
    const bearer = sessionBearer(req.headers.authorization);
    try {
      if (bearer === undefined) checkCsrf(req, reply);
    } catch (e) {
      return done(e as Error);
    }
    const token = bearer ?? req.cookies[SESSION_COOKIE];
    if (!token) return done();
    const id = hashToken(token);
    const now = opts.now();
    const hit = cache.get(id);
    const fresh = hit && now - hit.at <= SESSION_CACHE_MS ? hit : undefined;
    if (fresh && !needsTouch(fresh, now)) {
      apply(req, fresh);
      return done();
    }
    readAndApply(req, id, now, fresh).then(() => done(), (e: unknown) => done(e as Error));
  });

  const dropUser = (userId: string) => {
    for (const [key, entry] of cache) if (entry.user?.id === userId) cache.delete(key);
  };
  const bus = opts.bus ?? localBus;
  bus.subscribe((kind, id) => (kind === 'user' ? dropUser(id) : cache.delete(id)));
  // A change to a session or a user applies at once here, and on every other instance through the bus.
  app.decorate('forgetSession', (token: string) => {
    const id = hashToken(token);
    cache.delete(id);
    bus.publish('session', id);
  });
  app.decorate('forgetUser', (userId: string) => {
    dropUser(userId);
    bus.publish('user', userId);
  });
}

/** The session token of an `Authorization: Bearer` header, if it holds one. */
export function sessionBearer(header: string | undefined): string | undefined {
  const m = header ? /^Bearer ([A-Za-z0-9_-]{32,64})$/.exec(header) : null;
  return m ? m[1] : undefined;
}

/** The host of an Origin header, or null for "null", a malformed value or a non-web scheme (all refused). */
function originHost(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : null;
  } catch {
    return null;
  }
}

export function requireUser(req: FastifyRequest): User {
  if (req.user) return req.user;
  if (req.sessionState === 'expired') throw unauthorized('session-expired', 'Your session has expired: please sign in again. Your saved answers are kept.');
  throw unauthorized();
}

/** A new session of `days` for the user: a random token whose SHA-256 is the stored id; the token goes to the browser. */
export async function openSession(db: Kysely<Database>, userId: string, now: number, days: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await sessions.insert(db, { id: hashToken(token), userId, now, expires: now + days * 86_400_000 });
  return token;
}

export function setSessionCookie(reply: FastifyReply, token: string, maxAgeSeconds: number, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: maxAgeSeconds });
}
