import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;
/** A key set fetched less than this long ago is not fetched again for an unknown key id (a flood of forged kids cannot hammer the platform). */
const REFETCH_COOLDOWN_MS = 10_000;
const MAX_AGE_MS = 3_600_000;

/**
 * The platforms' public keys, fetched from each registered JWKS address and kept in memory; a token
 * signed with a key id the cached set lacks makes one refetch (the platform rotated its key).
 */
export class PlatformKeys {
  private readonly cache = new Map<string, { at: number; get: JWTVerifyGetKey }>();
  constructor(private readonly deps: { fetch: FetchLike; now: () => number }) {}

  /** A key resolver for `jwtVerify` on tokens of the platform whose set is at `jwksUrl`. */
  resolver(jwksUrl: string): JWTVerifyGetKey {
    return async (header, token) => {
      let entry = this.cache.get(jwksUrl);
      if (!entry || this.deps.now() - entry.at > MAX_AGE_MS) entry = await this.load(jwksUrl);
      try {
        return await entry.get(header, token);
      } catch (e) {
        if (!(e instanceof errors.JWKSNoMatchingKey) || this.deps.now() - entry.at < REFETCH_COOLDOWN_MS) throw e;
        return (await this.load(jwksUrl)).get(header, token);
      }
    };
  }

  private async load(jwksUrl: string) {
    let set: JSONWebKeySet;
    try {
      const res = await this.deps.fetch(jwksUrl, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5_000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      set = (await res.json()) as JSONWebKeySet;
    } catch (e) {
      throw new PlatformKeysUnavailable(`the platform's key set at ${jwksUrl} could not be read (${e instanceof Error ? e.message : String(e)})`);
    }
    const entry = { at: this.deps.now(), get: createLocalJWKSet(set) };
    this.cache.set(jwksUrl, entry);
    return entry;
  }
}

export class PlatformKeysUnavailable extends Error {}
