import { loadContent } from '../content/load-content.ts';
import { formatProblem } from '../core/items/check-bank.ts';
import { createDatabase, migrateToLatest, type DatabaseHandle } from '../db/create-database.ts';
import { probeWritable } from '../db/probe-writable.ts';
import { items } from '../db/repositories/items.ts';
import { rateLimits } from '../db/repositories/rate-limits.ts';
import { sessions } from '../db/repositories/sessions.ts';
import { postgresBus } from './plugins/session-bus.ts';
import { buildApp, type App } from './build-app.ts';
import type { Config } from './config.ts';

export class InvalidBankError extends Error {
  constructor(readonly problems: string[]) {
    super(`the bank is invalid; nothing was imported:\n${problems.join('\n')}`);
    this.name = 'InvalidBankError';
  }
}

/**
 * Loads the content folder into the database (idempotent, keyed by item id and content hash).
 * An invalid bank is refused whole, with every problem listed.
 */
export async function loadBank(handle: DatabaseHandle, contentDir: string, now = Date.now()) {
  const content = await loadContent(contentDir);
  const errors = content.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new InvalidBankError(errors.map(formatProblem));
  const summary = await handle.db.transaction().execute((trx) => items.load(trx, 'bank', content.entries, now, { retireMissing: true }));
  return { exams: content.exams.map((e) => e.exam), lessons: content.lessons, projects: content.projects, summary, entries: content.entries.length };
}

/**
 * The server's own connection waits this long for another process's write lock (a command writing
 * to the live database); past it the request answers 503 with Retry-After. Autosaves are written by
 * the worker thread, which may wait longer without holding up the main thread.
 */
const MAIN_THREAD_BUSY_MS = 200;

/** At shutdown, requests in flight get this long before the remaining connections are closed. */
const SHUTDOWN_GRACE_MS = 5000;

export interface RunningServer extends App {
  handle: DatabaseHandle;
  url: string;
  stop(): Promise<void>;
}

/** Opens the store, migrates, loads the bank, listens, and submits expired attempts every few seconds. */
export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<RunningServer> {
  const handle = createDatabase({ url: config.databaseUrl, sqliteSynchronous: config.sqliteSynchronous, busyTimeoutMs: MAIN_THREAD_BUSY_MS });
  try {
    await probeWritable(handle);
    await migrateToLatest(handle.db);
    const loaded = await loadBank(handle, config.contentDir);
    const s = loaded.summary;
    log(`bank: ${loaded.entries} entries (${s.added} added, ${s.changed} changed, ${s.unchanged} unchanged, ${s.retired} retired)`);
    // Several instances share a PostgreSQL store: a sign-out or a role change is told to all of them at once.
    const bus = handle.store === 'postgres' ? await postgresBus(config.databaseUrl, (e) => log(`session notifications: ${String(e)}`)) : undefined;
    const built = await buildApp({
      sessionBus: bus,
      db: handle.db,
      sqlite: handle.sqlite,
      exams: loaded.exams,
      lessons: loaded.lessons,
      projects: loaded.projects,
      webDir: config.webDir,
      logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
      secureCookies: config.secureCookies ?? false,
      sessionDays: config.sessionDays,
      sessionIdleHours: config.sessionIdleHours,
      signInLimitPerMinute: config.signInLimitPerMinute,
      signUpLimitPerHour: config.signUpLimitPerHour,
      openRegistration: config.registration === 'open',
      trustProxy: config.trustProxy,
      metricsToken: config.metricsToken,
      publicUrl: config.publicUrl,
      loopbackOnly: isLoopbackHost(config.host),
    });
    const url = await built.app.listen({ port: config.port, host: config.host });
    await built.attempts.sweepExpired();
    let ticks = 0;
    const sweeper = setInterval(() => {
      void built.attempts.sweepExpired().catch((e: unknown) => log(`auto-submit failed: ${String(e)}`));
      // A calibration (`certprep calibrate`) or an import (`certprep import`) is picked up within a minute.
      if (++ticks % 12 === 0) {
        void built.bank.refresh().catch((e: unknown) => log(`reading the bank failed: ${String(e)}`));
        // Sessions past their lifetime or long idle are purged (twice the idle time: a running mock keeps one alive).
        void sessions.deleteExpired(handle.db, Date.now(), 2 * config.sessionIdleHours * 3_600_000).catch((e: unknown) => log(`purging sessions failed: ${String(e)}`));
        void rateLimits.purge(handle.db, Date.now() - 3_600_000).catch((e: unknown) => log(`purging rate limits failed: ${String(e)}`));
      }
    }, 5000);
    sweeper.unref();
    log(`certprep is running at ${url.replace('127.0.0.1', 'localhost')} (store: ${handle.store})`);
    const setupCode = await built.admin.issueSetupCode();
    if (setupCode) {
      log(`No administrator yet. Sign up, then enter this one-time setup code under Settings, Administration: ${setupCode}`);
      log('(or run: certprep users create-admin EMAIL). A new code replaces it at each start until an administrator exists.');
    }
    return {
      ...built,
      handle,
      url,
      stop: async () => {
        clearInterval(sweeper);
        // Requests in flight get this long to finish; then connections still open (a client that connected but
        // never sent its request, say) are closed, so a SIGTERM never waits for a client's timeout.
        const force = setTimeout(() => built.app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        force.unref();
        await built.app.close();
        clearTimeout(force);
        await bus?.close();
        await handle.close();
      },
    };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** Whether the server can be reached only from its own machine: then its first account is the administrator. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
