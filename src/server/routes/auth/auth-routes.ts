import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { examChoiceSchema, localeSchema, preferencesSchema, signInSchema, signUpSchema, type SessionView, type User } from '../../../core/api/contracts.ts';
import type { ExamDefinition } from '../../../core/exam/exam-schema.ts';
import { defaultExamId } from '../../../core/exam/exam-status.ts';
import { isoDay } from '../../../core/util/iso-day.ts';
import { sessions } from '../../../db/repositories/sessions.ts';
import { NO_PASSWORD, users } from '../../../db/repositories/users.ts';
import type { Database } from '../../../db/schema.ts';
import { AppError, RateLimitedError, badRequest, conflict, waitSeconds } from '../../errors.ts';
import { hashToken, openSession, requireUser, sessionBearer, SESSION_COOKIE, setSessionCookie } from '../../plugins/auth-plugin.ts';
import { hashPassword, verifyPassword } from '../../services/password-hash.ts';
import type { AdminService } from '../../services/admin-service.ts';
import { AuthLimits } from '../../services/rate-limiter.ts';
import { validate } from '../../validate.ts';
import { countNoun } from '../../../core/util/count-noun.ts';

export interface AuthRouteOptions {
  db: Kysely<Database>;
  now: () => number;
  sessionDays: number;
  secureCookies: boolean;
  signInLimitPerMinute: number;
  signUpLimitPerHour: number;
  /** False: only the first account may be created here (others come by invitation). */
  openRegistration: boolean;
  exams: ReadonlyMap<string, ExamDefinition>;
  admin: AdminService;
}

// A fixed hash to compare against when the email is unknown, so timing does not reveal accounts.
const DUMMY_HASH = hashPassword('not a real password');

export function authRoutes(app: FastifyInstance, opts: AuthRouteOptions): void {
  const { db, now } = opts;
  const limits = new AuthLimits(db, { signInPerMinute: opts.signInLimitPerMinute, signUpPerHour: opts.signUpLimitPerHour });
  const tooMany = (waitMs: number, what: string): never => {
    throw new RateLimitedError(`${what}: try again in ${countNoun(waitSeconds(waitMs), 'second')}.`, waitMs);
  };
  const defaultExam = defaultExamId([...opts.exams.values()]) ?? '';

  const view = async (req: FastifyRequest, user: User | null): Promise<SessionView> => ({
    user,
    firstRun: !(await users.any(db)),
    csrfToken: req.csrfToken,
    defaultExam,
    today: isoDay(now()),
    adminSetup: user !== null && !(await users.anyAdmin(db)),
    passwordSet: user !== null && (await users.passwordHash(db, user.id)) !== NO_PASSWORD,
  });

  const startSession = async (reply: FastifyReply, user: User) => {
    setSessionCookie(reply, await openSession(db, user.id, now(), opts.sessionDays), opts.sessionDays * 86_400, opts.secureCookies);
  };

  /** The session cache of this instance holds the user: a change to the user must drop it. */
  const forget = (token: string) => (app as unknown as { forgetSession: (t: string) => void }).forgetSession(token);

  app.get('/api/session', async (req) => view(req, req.user));

  app.post('/api/auth/signup', async (req, reply) => {
    const body = validate(signUpSchema, req.body);
    const firstRun = !(await users.any(db));
    if (!firstRun && !opts.openRegistration) throw new AppError(403, 'registration-closed', 'Registration is closed on this server: ask its administrator or your training provider for an account.');
    const wait = await limits.signUp(req.ip, now());
    if (wait > 0) tooMany(wait, 'Too many accounts created from this address');
    // Hash first either way, so an existing email answers as slowly as a new one.
    const passwordHash = await hashPassword(body.password);
    if (await users.byEmail(db, body.email)) throw conflict('email-taken', 'An account with this email already exists: sign in instead.');
    const roles = await opts.admin.rolesForNewAccount();
    const user = await users.insert(db, { id: randomUUID(), email: body.email, name: body.name, passwordHash, locale: body.locale, calibrationConsent: body.calibrationConsent, roles, now: now() });
    await startSession(reply, user);
    return view(req, user);
  });

  app.post('/api/auth/signin', async (req, reply) => {
    const body = validate(signInSchema, req.body);
    const verdict = await limits.beforeSignIn(body.email, req.ip, now());
    if (verdict.waitMs > 0) tooMany(verdict.waitMs, 'Too many failed sign-ins');
    if (verdict.delayMs > 0) await new Promise((r) => setTimeout(r, verdict.delayMs));
    const found = await users.byEmail(db, body.email);
    const ok = await verifyPassword(body.password, found?.passwordHash ?? (await DUMMY_HASH));
    if (!found || !ok) {
      await limits.signInFailed(body.email, req.ip, now());
      throw new AppError(401, 'bad-credentials', 'Email or password is wrong.');
    }
    await limits.signInSucceeded(body.email, req.ip);
    const { passwordHash: _, ...user } = found;
    await startSession(reply, user);
    return view(req, user);
  });

  app.put('/api/session/locale', async (req) => {
    const user = requireUser(req);
    const { locale } = validate(localeSchema, req.body);
    await users.setLocale(db, user.id, locale);
    forget(req.cookies[SESSION_COOKIE] ?? '');
    return view(req, { ...user, locale });
  });

  app.put('/api/session/preferences', async (req) => {
    const user = requireUser(req);
    const prefs = validate(preferencesSchema, req.body);
    await users.setPreferences(db, user.id, prefs);
    forget(req.cookies[SESSION_COOKIE] ?? '');
    return view(req, { ...user, ...prefs });
  });

  app.put('/api/session/exam', async (req) => {
    const user = requireUser(req);
    const choice = validate(examChoiceSchema, req.body);
    if (!opts.exams.has(choice.exam)) {
      throw badRequest(`Unknown exam "${choice.exam}"; choose one of ${[...opts.exams.keys()].join(', ')}.`);
    }
    await users.setExam(db, user.id, choice.exam, choice.examDate);
    forget(req.cookies[SESSION_COOKIE] ?? '');
    return view(req, { ...user, exam: choice.exam, examDate: choice.examDate });
  });

  /** Signs the user out on every device: all their sessions end, this one included. */
  app.post('/api/auth/signout-all', async (req, reply) => {
    const user = requireUser(req);
    await sessions.deleteForUser(db, user.id);
    (app as unknown as { forgetUser: (id: string) => void }).forgetUser(user.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return view(req, null);
  });

  app.post('/api/auth/signout', async (req, reply) => {
    const token = sessionBearer(req.headers.authorization) ?? req.cookies[SESSION_COOKIE];
    if (token) {
      await sessions.delete(db, hashToken(token));
      forget(token);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return view(req, null);
  });
}
