import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type LtiCourse, courseExamSchema, deepLinkChoiceSchema, ltiHandoffSchema, registerPlatformSchema } from '../../core/api/contracts.ts';
import { requireUser } from '../plugins/auth-plugin.ts';
import { taughtCohort } from '../services/cohort-service.ts';
import { validate } from '../validate.ts';
import { badRequest, notFound } from '../errors.ts';
import { LtiError, ltiErrorPage } from './lti-error.ts';
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
  // Platforms fetch this to verify what the tool signs; a short cache lets a rotation show within minutes.
  app.get('/lti/jwks', async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send(await lti.keys.jwks()));

  app.post('/api/lti/session', async (req, reply) => reply.header('cache-control', 'no-store').send(await lti.handoff.exchange(validate(ltiHandoffSchema, req.body).code)));
  app.get('/api/lti/deep-links/:id', async (req) => lti.deepLinking.options(requireUser(req), validate(uuidParams, req.params, 'address').id));
  app.post('/api/lti/deep-links/:id', async (req) => lti.deepLinking.respond(requireUser(req), validate(uuidParams, req.params, 'address').id, validate(deepLinkChoiceSchema, req.body).targets, toolUrl(req)));
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
