import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../core/api/contracts.ts';
import { createDatabase, migrateToLatest, type DatabaseHandle } from '../db/create-database.ts';
import { items } from '../db/repositories/items.ts';
import { InjectClient } from '../../test/helpers/inject-client.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { startPostgres, type PostgresCluster } from '../../test/helpers/postgres-cluster.ts';
import { syntheticBank } from '../../test/helpers/synthetic-bank.ts';
import { buildApp, type App } from './build-app.ts';
import { postgresBus, type SessionBus } from './plugins/session-bus.ts';

const exam = loadExam('mla-c02');
let cluster: PostgresCluster;
const closers: (() => Promise<void>)[] = [];
beforeAll(async () => {
  cluster = await startPostgres();
}, 60_000);
afterAll(async () => {
  for (const c of closers.reverse()) await c().catch(() => {});
  cluster?.stop();
});

/** An instance on the shared PostgreSQL store, with or without the session notifications. */
async function instance(url: string, withBus: boolean): Promise<App> {
  const handle: DatabaseHandle = createDatabase({ url });
  const bus: SessionBus | undefined = withBus ? await postgresBus(url) : undefined;
  const built = await buildApp({ db: handle.db, exams: [exam], sessionBus: bus, loopbackOnly: true });
  closers.push(async () => {
    await built.app.close();
    await bus?.close();
    await handle.close();
  });
  return built;
}

/** The same browser (a copy of its cookies and token) talking to another instance: it keeps the session cookie even when the first signs out. */
function sameBrowser(from: InjectClient, app: App): InjectClient {
  const c = new InjectClient(app.app);
  c.cookies = new Map(from.cookies);
  c.csrf = from.csrf;
  return c;
}

const sessionUser = async (c: InjectClient) => (await c.req('GET', '/api/session')).json().user as User | null;
/** Polls for a few hundred milliseconds: a notification takes a moment to cross the store. */
async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let v = await read();
  for (let i = 0; i < 50 && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 10));
    v = await read();
  }
  return v;
}

describe('several instances on PostgreSQL', () => {
  it('apply a sign-out and a role change made on one instance on every other at once, not after their 10 s session cache', async () => {
    const url = await cluster.createDatabase('session_bus');
    const setup = createDatabase({ url });
    await migrateToLatest(setup.db);
    await items.load(setup.db, 'bank', syntheticBank(exam, 2, 0), 0);
    await setup.close();
    const [a, b, noBus] = [await instance(url, true), await instance(url, true), await instance(url, false)];

    const admin = new InjectClient(a.app);
    await admin.signUp('admin@example.com');
    const ann = new InjectClient(a.app);
    await ann.signUp('ann@example.com');
    const annOnB = sameBrowser(ann, b);
    const annOnNoBus = sameBrowser(ann, noBus);
    const annUser = (await sessionUser(annOnB))!;
    expect(annUser.roles).toEqual([]);
    expect((await sessionUser(annOnNoBus))!.roles).toEqual([]); // now cached there too

    // A role given on instance A is seen on B at once; an instance without notifications still serves its cached copy.
    expect((await admin.req('PUT', `/api/admin/users/${annUser.id}/roles`, { roles: ['tutor'] })).statusCode).toBe(200);
    expect((await eventually(() => sessionUser(annOnB), (u) => !!u?.roles.includes('tutor')))!.roles).toEqual(['tutor']);
    expect((await sessionUser(annOnNoBus))!.roles).toEqual([]);

    // Signed out on A: B refuses the session at once, though this browser still sends its cookie; without the
    // notifications the other instance would still accept it.
    expect((await ann.req('POST', '/api/auth/signout')).statusCode).toBe(200);
    expect(annOnB.cookies.get('certprep_session')).toBeTruthy();
    expect(await eventually(() => sessionUser(annOnB), (u) => u === null)).toBeNull();
    expect(await sessionUser(annOnNoBus)).not.toBeNull();
    expect((await annOnB.req('GET', '/api/assignments?exam=mla-c02')).statusCode).toBe(401);
  }, 60_000);
});
