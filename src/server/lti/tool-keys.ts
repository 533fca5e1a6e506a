import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export const LTI_ALG = 'RS256';
/** A retired key stays in the published set this long, so what it signed before a rotation still verifies. */
export const RETIRED_KEY_GRACE_MS = 24 * 3_600_000;

/**
 * The tool's own signing keys for LTI 1.3 (deep-linking responses, service tokens): generated on first use,
 * kept in the store so every instance signs with the same key, rotated on demand, and published as a JSON
 * Web Key Set (`/lti/jwks`) holding the current key and those retired less than a day ago. Never a private part.
 */
export class ToolKeys {
  constructor(private readonly deps: { db: Kysely<Database>; now: () => number }) {}

  /** The key that signs now (made if there is none). */
  async signingKey(): Promise<{ kid: string; key: CryptoKey }> {
    const row = (await this.current()) ?? (await this.create());
    return { kid: row.kid, key: (await importJWK(JSON.parse(row.private_jwk) as JWK, LTI_ALG)) as CryptoKey };
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    if (!(await this.current())) await this.create();
    const since = this.deps.now() - RETIRED_KEY_GRACE_MS;
    const rows = await this.deps.db.selectFrom('lti_keys').select(['public_jwk', 'retired_ms']).orderBy('created_ms', 'desc').execute();
    // The signing key first, then the retired ones still published, newest first.
    const published = rows.filter((r) => r.retired_ms === null || Number(r.retired_ms) > since).sort((a, b) => Number(a.retired_ms !== null) - Number(b.retired_ms !== null));
    return { keys: published.map((r) => JSON.parse(r.public_jwk) as JWK) };
  }

  /** A new signing key; the previous one is retired (still published for a day). Returns the new key id. */
  async rotate(): Promise<string> {
    const now = this.deps.now();
    await this.deps.db.updateTable('lti_keys').set({ retired_ms: now }).where('retired_ms', 'is', null).execute();
    return (await this.create()).kid;
  }

  private async current() {
    return this.deps.db.selectFrom('lti_keys').selectAll().where('retired_ms', 'is', null).orderBy('created_ms', 'desc').executeTakeFirst();
  }

  private async create() {
    const { publicKey, privateKey } = await generateKeyPair(LTI_ALG, { modulusLength: 2048, extractable: true });
    const kid = randomUUID();
    const meta = { kid, alg: LTI_ALG, use: 'sig' };
    const row = { kid, private_jwk: JSON.stringify({ ...(await exportJWK(privateKey)), ...meta }), public_jwk: JSON.stringify({ ...(await exportJWK(publicKey)), ...meta }), created_ms: this.deps.now(), retired_ms: null };
    // Two instances starting at once may both create one: the newest signs, both are published.
    await this.deps.db.insertInto('lti_keys').values(row).execute();
    return row;
  }
}
