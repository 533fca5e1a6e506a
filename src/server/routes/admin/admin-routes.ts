import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ROLES } from '../../../core/auth/roles.ts';
import { requireUser } from '../../plugins/auth-plugin.ts';
import type { AdminService } from '../../services/admin-service.ts';
import { validate } from '../../validate.ts';

const claimSchema = z.strictObject({ code: z.string().min(1).max(64) });
const listQuery = z.strictObject({ q: z.string().max(100).optional(), page: z.coerce.number().int().min(1).max(10_000).default(1) });
const userParams = z.strictObject({ id: z.string().min(1).max(64) });
const rolesSchema = z.strictObject({ roles: z.array(z.enum(ROLES)).max(ROLES.length) });

/** Administration: the first administrator's setup code, the accounts and their roles (who may call each: `route-access.ts`). */
export function adminRoutes(app: FastifyInstance, opts: { admin: AdminService }): void {
  // A changed role must apply at once on this instance (others within the session cache's 10 s).
  const forget = (id: string) => (app as unknown as { forgetUser: (id: string) => void }).forgetUser(id);
  app.post('/api/admin/claim', async (req) => {
    const user = requireUser(req);
    const updated = await opts.admin.claim(user, validate(claimSchema, req.body).code);
    forget(user.id);
    return updated;
  });
  app.get('/api/admin/users', async (req) => {
    const query = validate(listQuery, req.query, 'query');
    return opts.admin.list(query.q?.trim() || undefined, query.page);
  });
  app.put('/api/admin/users/:id/roles', async (req) => {
    const { id } = validate(userParams, req.params, 'address');
    const updated = await opts.admin.setRoles(id, validate(rolesSchema, req.body).roles);
    forget(id);
    return updated;
  });
}
