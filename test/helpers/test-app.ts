import type { ExamDefinition } from '../../src/core/exam/exam-schema.ts';
import type { BankEntry } from '../../src/core/items/item-schema.ts';
import type { Lesson } from '../../src/core/lessons/lesson-schema.ts';
import { items } from '../../src/db/repositories/items.ts';
import { buildApp } from '../../src/server/build-app.ts';
import { InjectClient } from './inject-client.ts';
import type { StoreName, useStores } from './stores.ts';

/** An app on a fresh store with `bank` loaded, a clock the test moves, and a client signed up as `email`. */
export async function signedInApp(stores: ReturnType<typeof useStores>, store: StoreName, opts: { exam: ExamDefinition; bank: BankEntry[]; t0: number; email: string; lessons?: Lesson[] }) {
  const clock = { t: opts.t0 };
  const handle = await stores.open(store);
  await items.load(handle.db, 'bank', opts.bank, opts.t0);
  const built = await buildApp({ db: handle.db, sqlite: handle.sqlite, exams: [opts.exam], lessons: opts.lessons, now: () => clock.t });
  const client = new InjectClient(built.app);
  await client.signUp(opts.email);
  return { ...built, db: handle.db, client, clock };
}
