import { randomBytes } from 'node:crypto';
import { decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Kysely } from 'kysely';
import type { Platform } from '../../core/api/contracts.ts';
import type { Database } from '../../db/schema.ts';
import { CLAIM, launchClaimsSchema, type LaunchClaims } from './lti-claims.ts';
import { LtiError } from './lti-error.ts';
import type { LtiPlatforms } from './platforms.ts';
import { PlatformKeysUnavailable, type PlatformKeys } from './platform-keys.ts';

/** A login must come back with its id_token within this time. */
export const STATE_TTL_MS = 10 * 60_000;
/** Allowed difference between the platform's clock and ours (seconds). */
const CLOCK_SKEW_S = 60;
/** An id_token issued longer ago than this is refused, whatever its expiry (seconds). */
const MAX_TOKEN_AGE_S = 600;
const MESSAGE_TYPES = new Set(['LtiResourceLinkRequest', 'LtiDeepLinkingRequest']);

export interface ValidLaunch {
  platform: Platform;
  claims: LaunchClaims;
}

/**
 * The two legs of an LTI 1.3 launch (an OpenID Connect third-party initiated login):
 * `login` answers the platform's login initiation with a redirect to its authorization endpoint, carrying a
 * state and a nonce kept in the store (not in a cookie, which a browser blocks inside the course's frame);
 * `validate` checks the id_token the platform posts back, in full, and uses the state once.
 */
export class LtiLaunch {
  constructor(private readonly deps: { db: Kysely<Database>; now: () => number; platforms: LtiPlatforms; keys: PlatformKeys }) {}

  /** The platform's authorization address to redirect the browser to. `toolUrl` is this tool's public origin. */
  async login(params: Record<string, unknown>, toolUrl: string): Promise<string> {
    const str = (k: string) => (typeof params[k] === 'string' && params[k] !== '' ? (params[k] as string) : undefined);
    const iss = str('iss');
    const loginHint = str('login_hint');
    const target = str('target_link_uri');
    const missing = [!iss && 'iss', !loginHint && 'login_hint', !target && 'target_link_uri'].filter(Boolean);
    if (missing.length) throw new LtiError('bad-login', `missing ${missing.join(', ')}`);
    const platform = await this.platformFor(iss!, str('client_id'));
    checkTarget(target!, toolUrl);
    const deployment = str('lti_deployment_id');
    if (deployment !== undefined && !platform.deploymentIds.includes(deployment)) throw new LtiError('unknown-deployment', `deployment ${deployment} of ${platform.issuer}`);
    const state = randomBytes(24).toString('base64url');
    const nonce = randomBytes(24).toString('base64url');
    const now = this.deps.now();
    await this.deps.db.deleteFrom('lti_states').where('created_ms', '<', now - STATE_TTL_MS).execute();
    await this.deps.db.insertInto('lti_states').values({ state, nonce, platform_id: platform.id, created_ms: now }).execute();
    const auth = new URL(platform.authUrl);
    const q = { scope: 'openid', response_type: 'id_token', response_mode: 'form_post', prompt: 'none', client_id: platform.clientId, redirect_uri: `${toolUrl}/lti/launch`, login_hint: loginHint!, state, nonce, ...(str('lti_message_hint') ? { lti_message_hint: str('lti_message_hint')! } : {}) };
    for (const [k, v] of Object.entries(q)) auth.searchParams.set(k, v);
    return auth.href;
  }

  /** The launch's platform and claims, once every check has passed; the state is spent whatever the outcome. */
  async validate(body: Record<string, unknown>, toolUrl: string): Promise<ValidLaunch> {
    const idToken = typeof body.id_token === 'string' ? body.id_token : undefined;
    const state = typeof body.state === 'string' ? body.state : undefined;
    if (!idToken) throw new LtiError('malformed', typeof body.error === 'string' ? `the platform answered ${body.error}: ${String(body.error_description ?? '')}` : 'no id_token was posted');
    if (!state) throw new LtiError('bad-state', 'no state was posted');
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(idToken);
    } catch (e) {
      throw new LtiError('malformed', (e as Error).message);
    }
    const audiences = typeof unverified.aud === 'string' ? [unverified.aud] : (unverified.aud ?? []);
    if (typeof unverified.iss !== 'string') throw new LtiError('malformed', 'the token has no issuer');
    let platform: Platform | undefined;
    for (const aud of audiences) platform ??= await this.deps.platforms.find(unverified.iss, aud);
    if (!platform) throw new LtiError('unknown-platform', `issuer ${unverified.iss}, audience ${audiences.join(', ') || 'none'}`);

    // The state is used once: deleted (and read) in one statement before anything else, so a replay or a race of two posts finds none.
    const now = this.deps.now();
    const row = await this.deps.db.deleteFrom('lti_states').where('state', '=', state).returningAll().executeTakeFirst();
    if (!row || row.platform_id !== platform.id || now - Number(row.created_ms) > STATE_TTL_MS) throw new LtiError('bad-state', row ? 'the login state expired or belongs to another platform' : 'unknown or already used login state');

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, this.deps.keys.resolver(platform.jwksUrl), {
        issuer: platform.issuer,
        audience: platform.clientId,
        algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256'],
        clockTolerance: CLOCK_SKEW_S,
        maxTokenAge: MAX_TOKEN_AGE_S,
        currentDate: new Date(now),
        requiredClaims: ['exp', 'iat', 'nonce', 'sub'],
      }));
    } catch (e) {
      throw verifyError(e);
    }
    if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== platform.clientId) throw new LtiError('wrong-audience', `azp ${String(payload.azp)} is not the client id ${platform.clientId}`);
    if (payload.nonce !== row.nonce) throw new LtiError('replayed', 'the nonce is not the one this login issued');
    const parsed = launchClaimsSchema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new LtiError('bad-claims', `${issue.path.map(String).join('.') || 'token'}: ${issue.message}`);
    }
    const claims = parsed.data;
    if (claims[CLAIM.version] !== '1.3.0') throw new LtiError('wrong-version', `version ${claims[CLAIM.version]}`);
    const type = claims[CLAIM.messageType];
    if (!MESSAGE_TYPES.has(type)) throw new LtiError('wrong-message-type', `message type ${type}`);
    if (type === 'LtiResourceLinkRequest' && !claims[CLAIM.resourceLink]) throw new LtiError('bad-claims', 'a resource link launch without its resource_link claim');
    if (type === 'LtiDeepLinkingRequest' && !claims[CLAIM.deepLinking]) throw new LtiError('bad-claims', 'a deep-linking request without its deep_linking_settings claim');
    if (!platform.deploymentIds.includes(claims[CLAIM.deploymentId])) throw new LtiError('unknown-deployment', `deployment ${claims[CLAIM.deploymentId]} of ${platform.issuer}`);
    checkTarget(claims[CLAIM.targetLinkUri], toolUrl);
    return { platform, claims };
  }

  private async platformFor(issuer: string, clientId: string | undefined): Promise<Platform> {
    if (clientId !== undefined) {
      const found = await this.deps.platforms.find(issuer, clientId);
      if (!found) throw new LtiError('unknown-platform', `issuer ${issuer}, client id ${clientId}`);
      return found;
    }
    const all = (await this.deps.platforms.list()).filter((p) => p.issuer === issuer);
    if (all.length !== 1) throw new LtiError('unknown-platform', all.length ? `${issuer} is registered ${all.length} times: the platform must send client_id` : `issuer ${issuer}`);
    return all[0]!;
  }
}

function checkTarget(target: string, toolUrl: string): void {
  let origin: string;
  try {
    origin = new URL(target).origin;
  } catch {
    throw new LtiError('wrong-target', `target ${target} is not an address`);
  }
  if (origin !== new URL(toolUrl).origin) throw new LtiError('wrong-target', `target ${target} is not on ${toolUrl}`);
}

function verifyError(e: unknown): LtiError {
  if (e instanceof LtiError) return e;
  if (e instanceof PlatformKeysUnavailable) return new LtiError('keys-unavailable', e.message, 502);
  if (e instanceof errors.JWKSNoMatchingKey) return new LtiError('unknown-key', 'no key of the platform matches the token’s key id');
  if (e instanceof errors.JWSSignatureVerificationFailed) return new LtiError('bad-signature', 'the signature does not verify');
  if (e instanceof errors.JWTExpired) return new LtiError('expired', e.message);
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === 'aud') return new LtiError('wrong-audience', e.message);
    if (e.claim === 'iss') return new LtiError('wrong-issuer', e.message);
    if (e.claim === 'iat') return new LtiError('bad-iat', e.message);
    return new LtiError('bad-claims', `${e.claim}: ${e.message}`);
  }
  if (e instanceof errors.JOSEAlgNotAllowed) return new LtiError('bad-signature', e.message);
  return new LtiError('malformed', e instanceof Error ? e.message : String(e));
}
