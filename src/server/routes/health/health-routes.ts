import { sql, type Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { pendingMigrations } from '../../../db/create-database.ts';
import type { Database } from '../../../db/schema.ts';
import type { BankService } from '../../services/bank-service.ts';

/**
 * For a load balancer or an orchestrator: `/healthz` says the process is alive; `/readyz` that this
 * instance can serve (the store answers, its schema is current, the bank is loaded, it is not shutting
 * down), each check named, 503 when one fails. Outside `/api`: no session, nothing about any user.
 */
export function healthRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; bank: BankService }): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.get('/healthz', async () => ({ status: 'alive' }));
  app.get('/readyz', async (_req, reply) => {
    const store = await sql`select 1 as one`.execute(opts.db).then(
      () => true,
      () => false,
    );
    const migrations = store ? (await pendingMigrations(opts.db).catch(() => ['?'])).length === 0 : false;
    const checks = { store, migrations, bank: opts.bank.activeEntries().length > 0, accepting: !closing };
    const ready = Object.values(checks).every(Boolean);
    return reply.code(ready ? 200 : 503).header('cache-control', 'no-store').send({ ready, checks });
  });
}
