import type { FastifyInstance } from 'fastify';
import { changePasswordSchema, deleteAccountSchema } from '../../../core/api/contracts.ts';
import { hashToken, requireUser, SESSION_COOKIE } from '../../plugins/auth-plugin.ts';
import type { AccountService } from '../../services/account-service.ts';
import { validate } from '../../validate.ts';

/** The user's own account: password change, export of their data, deletion. */
export function accountRoutes(app: FastifyInstance, opts: { account: AccountService }): void {
  const forgetUser = (id: string) => (app as unknown as { forgetUser: (id: string) => void }).forgetUser(id);

  app.put('/api/account/password', async (req, reply) => {
    const user = requireUser(req);
    const body = validate(changePasswordSchema, req.body);
    const ended = await opts.account.changePassword(user, body.current, body.next, hashToken(req.cookies[SESSION_COOKIE] ?? ''));
    // Other devices' sessions ended with the old password; this one stays signed in.
    forgetUser(user.id);
    return reply.send({ otherSessionsEnded: ended });
  });

  app.get('/api/account/export', async (req, reply) => {
    const user = requireUser(req);
    reply.header('content-disposition', `attachment; filename="certprep-account-${new Date().toISOString().slice(0, 10)}.json"`);
    return opts.account.export(user);
  });

  app.post('/api/account/delete', async (req, reply) => {
    const user = requireUser(req);
    const body = validate(deleteAccountSchema, req.body);
    await opts.account.delete(user, { password: body.password, email: body.email }, body.keepAnonymisedAnswers);
    forgetUser(user.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
}
