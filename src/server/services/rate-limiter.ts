import type { Kysely } from 'kysely';
import { rateLimits } from '../../db/repositories/rate-limits.ts';
import type { Database } from '../../db/schema.ts';

const MINUTE = 60_000;
/** Failures on one email from any address are remembered this long, to slow down a distributed guess. */
const EMAIL_WINDOW_MS = 15 * MINUTE;

export interface SignInVerdict {
  /** Refuse now and say when to try again (ms), or 0. */
  waitMs: number;
  /** Answer only after this long (ms): many failures on the email from elsewhere slow every try down, never lock it. */
  delayMs: number;
}

/**
 * Sign-in and sign-up limits, counted in the store so every instance shares them (and the counters
 * are bounded by the recent traffic, purged every minute). Only failed sign-ins count:
 * - per (email, address): `limit` failures a minute, then 429 until the minute ends; a success clears it,
 *   so someone guessing from elsewhere never locks the owner out;
 * - per address: 10 × `limit` failures a minute (many emails tried from one place);
 * - per email, from any address: past `limit` failures in 15 minutes each try is slowed down (up to 3 s).
 * Behind a reverse proxy, set TRUST_PROXY so that the address is the client's, not the proxy's.
 */
export class AuthLimits {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly opts: { signInPerMinute: number; signUpPerHour: number },
  ) {}

  async beforeSignIn(email: string, address: string, now: number): Promise<SignInVerdict> {
    const [pair, place, account] = await Promise.all([
      rateLimits.count(this.db, pairKey(email, address), now, MINUTE),
      rateLimits.count(this.db, `signin-fail-address:${address}`, now, MINUTE),
      rateLimits.count(this.db, `signin-fail-email:${email}`, now, EMAIL_WINDOW_MS),
    ]);
    const limit = this.opts.signInPerMinute;
    const waits = [pair.count >= limit ? pair.resetMs - now : 0, place.count >= 10 * limit ? place.resetMs - now : 0];
    const over = account.count - limit;
    return { waitMs: Math.max(0, ...waits), delayMs: over > 0 ? Math.min(3000, over * 250) : 0 };
  }

  async signInFailed(email: string, address: string, now: number): Promise<void> {
    await rateLimits.add(this.db, pairKey(email, address), now, MINUTE);
    await rateLimits.add(this.db, `signin-fail-address:${address}`, now, MINUTE);
    await rateLimits.add(this.db, `signin-fail-email:${email}`, now, EMAIL_WINDOW_MS);
  }

  async signInSucceeded(email: string, address: string): Promise<void> {
    await rateLimits.clear(this.db, pairKey(email, address));
  }

  /** Counts a sign-up from the address; returns the wait (ms) when over the hourly limit, else 0. */
  async signUp(address: string, now: number): Promise<number> {
    const key = `signup:${address}`;
    const { count, resetMs } = await rateLimits.count(this.db, key, now, 60 * MINUTE);
    if (count >= this.opts.signUpPerHour) return resetMs - now;
    await rateLimits.add(this.db, key, now, 60 * MINUTE);
    return 0;
  }
}

const pairKey = (email: string, address: string) => `signin-fail:${email}:${address}`;
