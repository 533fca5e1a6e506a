import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../../db/schema.ts';
import type { AnswerWriter } from '../services/answer-writer.ts';

/**
 * Prometheus metrics at `/metrics`, for whoever holds `token` (`Authorization: Bearer …`; without a token the
 * route does not exist): requests per route and status with their latency, autosave batches (size, commit time),
 * open attempts, and the process's own figures. Labelled by route pattern, never by URL (no ids, no codes).
 */
export function metrics(app: FastifyInstance, opts: { token: string | undefined; db: Kysely<Database>; writer: AnswerWriter }): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'certprep_http_requests_total', help: 'HTTP requests by method, route and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({ name: 'certprep_http_request_duration_seconds', help: 'HTTP request latency by method and route', labelNames: ['method', 'route'], buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry] });
  const batchSize = new Histogram({ name: 'certprep_autosave_batch_size', help: 'Answers committed per autosave batch', buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2000], registers: [registry] });
  const commitTime = new Histogram({ name: 'certprep_autosave_commit_seconds', help: 'Time to commit one autosave batch (fsync included)', buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1], registers: [registry] });
  new Gauge({
    name: 'certprep_open_attempts',
    help: 'Attempts in progress in the store (all instances)',
    registers: [registry],
    async collect() {
      const r = await opts.db.selectFrom('attempts').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'open').executeTakeFirst();
      this.set(Number(r?.n ?? 0));
    },
  });
  opts.writer.onBatch = (size, seconds) => {
    batchSize.observe(size);
    commitTime.observe(seconds);
  };
  // Hooks on every request take a callback rather than return a promise: one fewer promise per request.
  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    if (route !== '/metrics') {
      requests.inc({ method: req.method, route, status: String(reply.statusCode) });
      latency.observe({ method: req.method, route }, reply.elapsedTime / 1000);
    }
    done();
  });
  if (!opts.token) return;
  const expected = Buffer.from(`Bearer ${opts.token}`);
  app.get('/metrics', async (req, reply) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reply.code(401).header('www-authenticate', 'Bearer').send({ error: { code: 'signed-out', message: 'The metrics need their token.' } });
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
