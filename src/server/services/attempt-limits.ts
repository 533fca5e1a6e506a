import type { Kysely } from 'kysely';
import type { User } from '../../core/api/contracts.ts';
import { attempts } from '../../db/repositories/attempts.ts';
import { rateLimits } from '../../db/repositories/rate-limits.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, RateLimitedError } from '../errors.ts';
import { countNoun } from '../../core/util/count-noun.ts';

/** A user may have this many attempts open at once (an abandoned untimed practice stays open). */
export const MAX_OPEN_ATTEMPTS = 20;
/** And start this many attempts an hour. */
export const ATTEMPTS_PER_HOUR = 120;
const HOUR = 3_600_000;

/** Refuses a new attempt past the open-attempt limit or the hourly rate (429, saying how to go on); counts the start otherwise. */
export async function checkAttemptLimits(db: Kysely<Database>, user: User, now: number): Promise<void> {
  const open = await attempts.countOpen(db, user.id);
  if (open >= MAX_OPEN_ATTEMPTS) {
    throw new AppError(429, 'too-many-open', `You have ${open} attempts in progress: finish or submit some of them before starting another.`);
  }
  const key = `attempt-start:${user.id}`;
  const started = await rateLimits.count(db, key, now, HOUR);
  if (started.count >= ATTEMPTS_PER_HOUR) {
    throw new RateLimitedError(`You have started ${started.count} attempts in the last hour: try again in ${countNoun(Math.ceil((started.resetMs - now) / 60_000), 'minute')}.`, started.resetMs - now);
  }
  await rateLimits.add(db, key, now, HOUR);
}
