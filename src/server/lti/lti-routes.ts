import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type LtiCourse, courseExamSchema, deepLinkChoiceSchema, ltiHandoffSchema, registerPlatformSchema } from '../../core/api/contracts.ts';
import { requireUser } from '../plugins/auth-plugin.ts';
import { taughtCohort } from '../services/cohort-service.ts';
import { validate } from '../validate.ts';
import { badRequest, notFound } from '../errors.ts';
import { escapeHtml, LtiError, ltiErrorPage, prefersFrench } from './lti-error.ts';
import { RegistrationError } from './dynamic-registration.ts';
import type { LtiTool } from './lti-tool.ts';

const uuidParams = z.strictObject({ id: z.string().uuid('is not an id') });

/**
 * The LTI 1.3 tool: its public endpoints (outside `/api`: platforms call them), the web app's side of a
 * launch (the one-time code, deep linking, the course's exam version, grades and roster), and the
 * administration of the platforms it trusts (who may call each `/api` route: `route-access.ts`).
 */
export function ltiRoutes(app: FastifyInstance, lti: LtiTool): void {
  const toolUrl = (req: FastifyRequest) => lti.publicUrl ?? `${req.protocol}://${req.host}`;
  const refused = (req: FastifyRequest, reply: FastifyReply, e: unknown) => {
    if (!(e instanceof LtiError)) throw e;
    req.log.warn({ lti: e.code, detail: e.detail }, 'LTI launch refused');
    return reply.code(e.status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(ltiErrorPage(e, req.headers['accept-language']));
  };

  // Platforms post forms: parsed here only, not on the JSON API.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
    const login = async (req: FastifyRequest, reply: FastifyReply) => {
      try {
        const params = req.method === 'GET' ? (req.query as Record<string, unknown>) : ((req.body ?? {}) as Record<string, unknown>);
        return reply.header('cache-control', 'no-store').redirect(await lti.launch.login(params, toolUrl(req)), 302);
      } catch (e) {
        return refused(req, reply, e);
      }
    };
    scope.get('/lti/login', login);
    scope.post('/lti/login', login);
    scope.post('/lti/launch', async (req, reply) => {
      try {
        const valid = await lti.launch.validate((req.body ?? {}) as Record<string, unknown>, toolUrl(req));
        const { user, landing, rolesChanged } = await lti.provision.provision(valid);
        if (rolesChanged) (app as unknown as { forgetUser: (id: string) => void }).forgetUser(user.id);
        const code = await lti.handoff.create(user.id, landing);
        // The fragment never reaches a server or a log; the app exchanges the code at once.
        return reply.header('cache-control', 'no-store').redirect(`/#/lti/start/${code}`, 303);
      } catch (e) {
        return refused(req, reply, e);
      }
    });
  });
  // Dynamic registration: the platform opens the one-time URL (in a window or its own frame) and is told to close it when done.
  app.get('/lti/register', async (req, reply) => {
    const params = req.query as Record<string, unknown>;
    const fr = prefersFrench(req.headers['accept-language']);
    let origin = "'none'";
    try {
      origin = new URL(String(params.openid_configuration)).origin;
    } catch {
      // No platform named: nobody may frame the answer.
    }
    reply.header('content-security-policy', `default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; frame-ancestors ${origin}`).removeHeader('x-frame-options').header('cache-control', 'no-store').type('text/html; charset=utf-8');
    try {
      const platform = await lti.registration.register(params, toolUrl(req));
      lti.frameOrigins.forget();
      return reply.send(registrationPage(fr ? `certprep est enregistré auprès de ${platform.issuer} (identifiant client ${platform.clientId}). Vous pouvez fermer cette fenêtre.` : `certprep is registered with ${platform.issuer} (client id ${platform.clientId}). You can close this window.`, true));
    } catch (e) {
      if (!(e instanceof RegistrationError)) throw e;
      req.log.warn({ lti: 'registration', detail: e.message }, 'LTI registration refused');
      return reply.code(400).send(registrationPage(e.message, false));
    }
  });
  app.get('/lti/close.js', async (_req, reply) => reply.type('text/javascript').header('cache-control', 'public, max-age=3600').send("(window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');\n"));
  app.post('/api/admin/lti/registrations', async (req, reply) => reply.code(201).send(await lti.registration.newUrl(requireUser(req).id, toolUrl(req))));

  // Platforms fetch this to verify what the tool signs; a short cache lets a rotation show within minutes.
  app.get('/lti/jwks', async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send(await lti.keys.jwks()));

  app.post('/api/lti/session', async (req, reply) => reply.header('cache-control', 'no-store').send(await lti.handoff.exchange(validate(ltiHandoffSchema, req.body).code)));
  app.get('/api/lti/deep-links/:id', async (req) => lti.deepLinking.options(requireUser(req), validate(uuidParams, req.params, 'address').id));
  app.post('/api/lti/deep-links/:id', async (req) => {
    const body = validate(deepLinkChoiceSchema, req.body);
    return lti.deepLinking.respond(requireUser(req), validate(uuidParams, req.params, 'address').id, body.targets, toolUrl(req), body.exam);
  });
  app.post('/api/lti/courses/:id/exam', async (req, reply) => {
    const user = requireUser(req);
    const { id } = validate(uuidParams, req.params, 'address');
    const { exam } = validate(courseExamSchema, req.body);
    await taughtCohort(lti.db, user, id);
    if (!lti.exams.has(exam)) throw badRequest(`There is no exam "${exam}".`);
    const course = await lti.db.updateTable('lti_contexts').set({ exam_chosen: 1 }).where('cohort_id', '=', id).executeTakeFirst();
    if (Number(course.numUpdatedRows) !== 1) throw notFound('The course');
    await lti.db.updateTable('cohorts').set({ exam }).where('id', '=', id).execute();
    return reply.code(204).send();
  });
  app.get('/api/cohorts/:id/lti', async (req): Promise<LtiCourse> => {
    const { id } = validate(uuidParams, req.params, 'address');
    await taughtCohort(lti.db, requireUser(req), id);
    const course = await lti.db.selectFrom('lti_contexts').select('memberships_url').where('cohort_id', '=', id).executeTakeFirst();
    return { course: !!course, rosterService: !!course?.memberships_url, grades: course ? await lti.grades.forCohort(id) : [] };
  });
  app.post('/api/cohorts/:id/lti-roster', async (req) => {
    const { id } = validate(uuidParams, req.params, 'address');
    await taughtCohort(lti.db, requireUser(req), id);
    return lti.roster.sync(id);
  });

  app.get('/api/admin/lti/platforms', async () => lti.platforms.list());
  app.post('/api/admin/lti/platforms', async (req, reply) => {
    const platform = await lti.platforms.register(validate(registerPlatformSchema, req.body));
    lti.frameOrigins.forget();
    return reply.code(201).send(platform);
  });
  app.post('/api/admin/lti/platforms/:id/delete', async (req, reply) => {
    await lti.platforms.remove(validate(z.strictObject({ id: z.string().uuid('is not a platform id') }), req.params, 'address').id);
    lti.frameOrigins.forget();
    return reply.code(204).send();
  });
}

/** The answer to the platform's registration window: the outcome, and (done) the script that tells the platform to close it. */
function registrationPage(text: string, done: boolean): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>certprep</title></head><body style="font-family:system-ui,sans-serif;margin:2rem"><p>${escapeHtml(text)}</p>${done ? '<script src="/lti/close.js"></script>' : ''}</body></html>`;
}
