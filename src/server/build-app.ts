import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/create-database.ts';
import { postgresBatchCommit } from '../db/repositories/answers-postgres-batch.ts';
import { sqliteBatchCommit, type SqliteCommitter } from '../db/sqlite-batch-commit.ts';
import type { ExamDefinition } from '../core/exam/exam-schema.ts';
import { defaultExamId } from '../core/exam/exam-status.ts';
import type { Database } from '../db/schema.ts';
import { AppError, RateLimitedError } from './errors.ts';
import { authPlugin } from './plugins/auth-plugin.ts';
import { securityHeaders } from './plugins/security-headers.ts';
import { accountRoutes } from './routes/account/account-routes.ts';
import { attemptRoutes } from './routes/attempts/attempt-routes.ts';
import { QuestionTimeService } from './services/question-time-service.ts';
import { StudyService } from './services/study-service.ts';
import { StudyPlanService } from './services/study-plan-service.ts';
import { ExamResultService } from './services/exam-result-service.ts';
import { studyRoutes } from './routes/study/study-routes.ts';
import type { Lesson } from '../core/lessons/lesson-schema.ts';
import { ItemNotesService } from './services/item-notes-service.ts';
import { authRoutes } from './routes/auth/auth-routes.ts';
import { adminRoutes } from './routes/admin/admin-routes.ts';
import { cohortRoutes } from './routes/cohorts/cohort-routes.ts';
import { projectRoutes } from './routes/projects/project-routes.ts';
import { disputeRoutes } from './routes/disputes/dispute-routes.ts';
import { discussionRoutes } from './routes/discussions/discussion-routes.ts';
import { authoringRoutes } from './routes/authoring/authoring-routes.ts';
import { healthRoutes } from './routes/health/health-routes.ts';
import { ltiRoutes } from './lti/lti-routes.ts';
import { ltiTool, type LtiTool } from './lti/lti-tool.ts';
import { allowPlatformFrames } from './lti/frame-origins.ts';
import type { FetchLike } from './lti/platform-keys.ts';
import { metrics } from './plugins/metrics.ts';
import type { SessionBus } from './plugins/session-bus.ts';
import { AuthoringService } from './services/authoring-service.ts';
import { DiscussionService } from './services/discussion-service.ts';
import { DisputeService } from './services/dispute-service.ts';
import { ProjectService } from './services/project-service.ts';
import type { Project } from '../core/projects/project-schema.ts';
import { CohortService } from './services/cohort-service.ts';
import { AssignmentService } from './services/assignment-service.ts';
import { CohortBoardService } from './services/cohort-board-service.ts';
import { CohortItemsService } from './services/cohort-items-service.ts';
import { routeAccess } from './route-access.ts';
import { AdminService } from './services/admin-service.ts';
import { examRoutes } from './routes/exams/exam-routes.ts';
import { progressRoutes } from './routes/progress/progress-routes.ts';
import { AnswerWriter } from './services/answer-writer.ts';
import { AttemptService } from './services/attempt-service.ts';
import { AccountService } from './services/account-service.ts';
import { BankService } from './services/bank-service.ts';
import { ProgressService } from './services/progress-service.ts';

export interface AppOptions {
  db: Kysely<Database>;
  /** SQLite only: the connection behind `db`, for the autosave hot path (absent on PostgreSQL). */
  sqlite?: DatabaseHandle['sqlite'];
  exams: ExamDefinition[];
  /** The study path's lessons (content/lessons), served with their flash cards. */
  lessons?: Lesson[];
  /** The practical projects (content/projects). */
  projects?: Project[];
  now?: () => number;
  webDir?: string | undefined;
  logLevel?: string;
  /** Tells the other instances of a sign-out or a role change (PostgreSQL: `postgresBus`). */
  sessionBus?: SessionBus | undefined;
  /** The bearer token that opens `/metrics` (absent: no metrics route). */
  metricsToken?: string | undefined;
  /** Where the JSON log lines go (standard output by default). */
  logStream?: { write: (line: string) => void };
  secureCookies?: boolean;
  sessionDays?: number;
  signUpLimitPerHour?: number;
  /** False: sign-up is closed once the first account exists. */
  openRegistration?: boolean;
  /** The server listens on a loopback address only (the laptop default): its first account is the administrator. */
  loopbackOnly?: boolean;
  /** Fastify's trustProxy: the addresses of reverse proxies whose X-Forwarded-For is believed. */
  trustProxy?: boolean | string[];
  /** Hours a session may stay unused before it expires (24 by default). */
  sessionIdleHours?: number;
  signInLimitPerMinute?: number;
  /** The server's public address (`PUBLIC_URL`, e.g. https://certprep.example.org), as LTI platforms reach it; by default each request's own. */
  publicUrl?: string | undefined;
  /** How the LTI tool reaches platforms (keys, tokens, grades, roster): `fetch` by default; tests pass a simulated platform. */
  ltiFetch?: FetchLike;
  /** How often grades are sent back to the platforms (ms); 0: only when asked (tests). */
  ltiGradeSyncMs?: number;
}

export interface App {
  app: FastifyInstance;
  bank: BankService;
  attempts: AttemptService;
  writer: AnswerWriter;
  admin: AdminService;
  /** SQLite on a file: the autosave writer thread (its restarts). */
  answerThread?: SqliteCommitter | undefined;
  lti: LtiTool;
}

/** Builds the Fastify app (not listening): tests drive it with `app.inject()`. */
export async function buildApp(opts: AppOptions): Promise<App> {
  const now = opts.now ?? Date.now;
  const app = Fastify({
    // JSON lines with the request's id on each; request bodies (answers, passwords) are never logged, and headers
    // that carry secrets are redacted should a serializer ever include them.
    logger: opts.logLevel && opts.logLevel !== 'silent' ? { level: opts.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], ...(opts.logStream ? { stream: opts.logStream } : {}) } : false,
    // A proxy's X-Request-Id is kept when it is a plain token (never a forged log line), else a new one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 64 * 1024,
    trustProxy: opts.trustProxy ?? false,
  });
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    done();
  });
  const bank = new BankService(opts.db, opts.exams);
  await bank.refresh();
  const sqliteCommitter = opts.sqlite ? sqliteBatchCommit(opts.sqlite.connection, opts.sqlite.file, opts.sqlite.synchronous) : undefined;
  const writer = new AnswerWriter(sqliteCommitter?.commit ?? postgresBatchCommit(opts.db));
  app.addHook('onClose', async () => {
    await writer.flush();
    await sqliteCommitter?.close();
  });
  const attempts = new AttemptService({ db: opts.db, bank, writer, now, newId: randomUUID });

  app.setErrorHandler((err: unknown, req, reply) => {
    if (err instanceof RateLimitedError) reply.header('retry-after', err.retryAfterSeconds);
    if (err instanceof AppError) return reply.code(err.status).send({ error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } });
    const e = err as { statusCode?: number; code?: string; message?: string };
    // Another process holds SQLite's write lock (a command writing to the live database): say so at once.
    if (typeof e.code === 'string' && e.code.startsWith('SQLITE_BUSY')) {
      reply.header('retry-after', 2);
      return reply.code(503).send({ error: { code: 'busy', message: 'The database is busy with another program writing to it: nothing was changed, try again in a moment.' } });
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      const code = e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/.test(e.message ?? '') ? 'invalid-json' : e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'too-large' : 'bad-request';
      const message = code === 'invalid-json' ? 'The request body is not valid JSON.' : code === 'too-large' ? 'The request body is too large.' : (e.message ?? 'Bad request.');
      return reply.code(e.statusCode).send({ error: { code, message } });
    }
    req.log.error(err);
    return reply.code(500).send({ error: { code: 'internal', message: 'Something went wrong on the server; nothing was changed by this request.' } });
  });

  securityHeaders(app, opts.secureCookies ?? false);
  await app.register(fastifyCookie);
  authPlugin(app, { db: opts.db, now, secureCookies: opts.secureCookies ?? false, idleMs: (opts.sessionIdleHours ?? 24) * 3_600_000, bus: opts.sessionBus });
  routeAccess(app);
  healthRoutes(app, { db: opts.db, bank });
  const lti = ltiTool({ db: opts.db, now, fetch: opts.ltiFetch ?? fetch, exams: bank.exams, defaultExam: defaultExamId(opts.exams) ?? '', projects: opts.projects ?? [], sessionDays: opts.sessionDays ?? 30, publicUrl: opts.publicUrl });
  ltiRoutes(app, lti);
  allowPlatformFrames(app, lti.frameOrigins);
  const syncMs = opts.ltiGradeSyncMs ?? 30_000;
  if (syncMs > 0) {
    const timer = setInterval(() => void lti.grades.sync().catch((e: unknown) => app.log.error({ err: e }, 'LTI grade passback failed')), syncMs);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
  metrics(app, { token: opts.metricsToken, db: opts.db, writer });
  const admin = new AdminService({ db: opts.db, now, loopbackOnly: opts.loopbackOnly ?? false });
  adminRoutes(app, { admin });
  authRoutes(app, { admin, db: opts.db, now, sessionDays: opts.sessionDays ?? 30, secureCookies: opts.secureCookies ?? false, signInLimitPerMinute: opts.signInLimitPerMinute ?? 10, signUpLimitPerHour: opts.signUpLimitPerHour ?? 20, openRegistration: opts.openRegistration ?? true, exams: bank.exams });
  examRoutes(app, { bank, now });
  attemptRoutes(app, { attempts, times: new QuestionTimeService({ db: opts.db, bank, now }), notes: new ItemNotesService({ db: opts.db, now }), db: opts.db, now });
  accountRoutes(app, { account: new AccountService({ db: opts.db, now }) });
  const progress = new ProgressService({ db: opts.db, bank, attempts, now });
  const study = new StudyService({ db: opts.db, bank, lessons: opts.lessons ?? [], now });
  studyRoutes(app, { study, plans: new StudyPlanService({ db: opts.db, bank, study, progress, now }), results: new ExamResultService({ db: opts.db, bank, now }), defaultExam: defaultExamId(opts.exams) ?? '' });
  progressRoutes(app, { progress, defaultExam: defaultExamId(opts.exams) ?? '' });
  const assignments = new AssignmentService({ db: opts.db, bank, projects: opts.projects ?? [], now });
  cohortRoutes(app, { cohorts: new CohortService({ db: opts.db, bank, now }), assignments, board: new CohortBoardService({ db: opts.db, progress, assignments, now }), items: new CohortItemsService({ db: opts.db, bank }) });
  disputeRoutes(app, { disputes: new DisputeService({ db: opts.db, bank, now }) });
  discussionRoutes(app, { discussions: new DiscussionService({ db: opts.db, bank, now }) });
  authoringRoutes(app, { authoring: new AuthoringService({ db: opts.db, bank, now }) });
  await projectRoutes(app, { projects: new ProjectService({ db: opts.db, bank, projects: opts.projects ?? [], now }) });

  const webDir = opts.webDir ? path.resolve(opts.webDir) : undefined;
  if (webDir && existsSync(path.join(webDir, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    // Source maps (and dot files) are never served: they would publish the app's sources.
    await app.register(fastifyStatic, { root: webDir, allowedPath: (pathName) => !pathName.endsWith('.map') });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.code(404).send({ error: { code: 'not-found', message: `No such address: ${req.method} ${req.url.split('?')[0]}.` } });
    });
  } else {
    app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: { code: 'not-found', message: `No such address: ${req.method} ${req.url.split('?')[0]}.` } }));
  }
  return { app, bank, attempts, writer, admin, answerThread: sqliteCommitter, lti };
}
