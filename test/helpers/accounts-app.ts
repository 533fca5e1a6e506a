import type { User } from '../../src/core/api/contracts.ts';
import type { ExamDefinition } from '../../src/core/exam/exam-schema.ts';
import type { Project } from '../../src/core/projects/project-schema.ts';
import { items } from '../../src/db/repositories/items.ts';
import { buildApp, type AppOptions } from '../../src/server/build-app.ts';
import { InjectClient } from './inject-client.ts';
import { syntheticBank } from './synthetic-bank.ts';
import type { StoreName, useStores } from './stores.ts';

export type SignedIn = InjectClient & { user: User };

/**
 * An app for tests with several accounts: a fresh store with a synthetic bank, a clock the test moves,
 * reachable only from its own machine unless said otherwise (then its first account is the administrator),
 * and `signUp(email)` for a new signed-in client that knows its user.
 */
export async function accountsApp(stores: ReturnType<typeof useStores>, store: StoreName, opts: { exam: ExamDefinition; t0: number; perDomain?: number; loopbackOnly?: boolean; projects?: Project[]; app?: Partial<AppOptions> }) {
  const clock = { t: opts.t0 };
  const handle = await stores.open(store);
  await items.load(handle.db, 'bank', syntheticBank(opts.exam, opts.perDomain ?? 8, 0), opts.t0);
  const built = await buildApp({ db: handle.db, sqlite: handle.sqlite, exams: [opts.exam], now: () => clock.t, loopbackOnly: opts.loopbackOnly ?? true, projects: opts.projects, ...opts.app });
  const signUp = async (email: string): Promise<SignedIn> => {
    const c = new InjectClient(built.app) as SignedIn;
    await c.signUp(email);
    c.user = (await c.req('GET', '/api/session')).json().user as User;
    return c;
  };
  return { ...built, db: handle.db, clock, signUp };
}
