import type { Kysely } from 'kysely';
import type { User } from '../../core/api/contracts.ts';
import { attempts } from '../../db/repositories/attempts.ts';
import type { Database } from '../../db/schema.ts';
import { conflict, notFound } from '../errors.ts';

/**
 * A timed practice can be paused and resumed (a mock exam cannot: its clock, like the real exam's,
 * never stops). Pausing keeps the time left and clears the deadline; resuming sets a new one.
 */
export async function pauseOrResume(deps: { db: Kysely<Database>; now: () => number }, user: User, id: string, action: 'pause' | 'resume'): Promise<void> {
  const record = await attempts.byId(deps.db, id);
  if (!record || record.userId !== user.id) throw notFound('This attempt');
  if (action === 'pause') {
    if (record.kind !== 'practice' || record.deadlineMs === null) throw conflict('not-pausable', 'Only a timed practice can be paused; a mock exam’s clock never stops.');
    if (!(await attempts.pause(deps.db, id, deps.now()))) throw conflict('not-pausable', 'This practice is over or already paused.');
  } else if (!(await attempts.resume(deps.db, id, deps.now()))) {
    throw conflict('not-paused', 'This practice is not paused.');
  }
}
