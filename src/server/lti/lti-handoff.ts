import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { hashToken, openSession } from '../plugins/auth-plugin.ts';
import type { Landing } from './lti-provision.ts';

/** The web app must exchange the code this soon after the launch. */
const HANDOFF_TTL_MS = 2 * 60_000;

/**
 * Hands a launch over to the web app without a cookie (a browser blocks cookies of a site framed by another):
 * the launch redirects to the app with a one-time code in the address's fragment (never sent to a server or
 * logged); the app exchanges it, once and within two minutes, for a session token it sends as a bearer header.
 */
export class LtiHandoff {
  constructor(private readonly deps: { db: Kysely<Database>; now: () => number; sessionDays: number }) {}

  async create(userId: string, landing: Landing): Promise<string> {
    const code = randomBytes(32).toString('base64url');
    const now = this.deps.now();
    await this.deps.db.deleteFrom('lti_handoffs').where('expires_ms', '<', now).execute();
    await this.deps.db.insertInto('lti_handoffs').values({ code_hash: hashToken(code), user_id: userId, landing: JSON.stringify(landing), expires_ms: now + HANDOFF_TTL_MS }).execute();
    return code;
  }

  /** A new session for the launch's user, and where the app opens; the code is spent. */
  async exchange(code: string): Promise<{ token: string; landing: Landing }> {
    const { db, now } = this.deps;
    const row = await db.deleteFrom('lti_handoffs').where('code_hash', '=', hashToken(code)).returningAll().executeTakeFirst();
    if (!row || Number(row.expires_ms) < now()) throw new AppError(401, 'lti-handoff', 'This launch link has expired or was already used: open certprep from your course again.');
    return { token: await openSession(db, row.user_id, now(), this.deps.sessionDays), landing: JSON.parse(row.landing) as Landing };
  }
}
