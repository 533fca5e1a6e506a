import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Database } from '../../db/schema.ts';
import type { FetchLike } from './platform-keys.ts';
import { LTI_ALG, type ToolKeys } from './tool-keys.ts';

type PlatformRow = Pick<Database['lti_platforms'], 'id' | 'client_id' | 'token_url'>;

/**
 * Access tokens for a platform's services (grades, roster): the OAuth 2 client-credentials grant with a
 * JWT signed by the tool's key as the client's assertion (LTI Security Framework §4.1), kept until a
 * minute before they expire.
 */
export class ServiceTokens {
  private readonly cache = new Map<string, { token: string; until: number }>();
  constructor(private readonly deps: { toolKeys: ToolKeys; fetch: FetchLike; now: () => number }) {}

  async token(platform: PlatformRow, scopes: readonly string[]): Promise<string> {
    const cacheKey = `${platform.id} ${[...scopes].sort().join(' ')}`;
    const hit = this.cache.get(cacheKey);
    const now = this.deps.now();
    if (hit && hit.until > now) return hit.token;
    const key = await this.deps.toolKeys.signingKey();
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: LTI_ALG, kid: key.kid, typ: 'JWT' })
      .setIssuer(platform.client_id)
      .setSubject(platform.client_id)
      .setAudience(platform.token_url)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(now / 1000) + 300)
      .setJti(randomUUID())
      .sign(key.key);
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion, scope: scopes.join(' ') });
    const res = await this.deps.fetch(platform.token_url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body, signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`the platform refused a service token: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
    const json = (await res.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof json.access_token !== 'string') throw new Error('the platform answered a token request without access_token');
    const seconds = typeof json.expires_in === 'number' ? json.expires_in : 3600;
    this.cache.set(cacheKey, { token: json.access_token, until: now + Math.max(0, seconds - 60) * 1000 });
    return json.access_token;
  }
}
