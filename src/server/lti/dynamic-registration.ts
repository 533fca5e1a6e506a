import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { registerPlatformSchema, type Platform } from '../../core/api/contracts.ts';
import type { Database } from '../../db/schema.ts';
import { hashToken } from '../plugins/auth-plugin.ts';
import { SCOPE } from './lti-claims.ts';
import type { FetchLike } from './platform-keys.ts';
import type { LtiPlatforms } from './platforms.ts';

/** A registration URL works this long, once. */
export const REGISTRATION_TTL_MS = 24 * 3_600_000;
const TOOL_CONFIG = 'https://purl.imsglobal.org/spec/lti-tool-configuration';

const openidConfigSchema = z.object({
  issuer: z.string().url(),
  authorization_endpoint: z.string().url(),
  token_endpoint: z.string().url(),
  jwks_uri: z.string().url(),
  registration_endpoint: z.string().url(),
});
const registrationAnswerSchema = z.object({ client_id: z.string().min(1), [TOOL_CONFIG]: z.object({ deployment_id: z.string().min(1).optional() }).optional() });

export class RegistrationError extends Error {}

/**
 * LTI Dynamic Registration 1.0: an administrator makes a one-time registration URL; the platform's
 * administrator pastes it (Moodle: "Add LTI Advantage"); the platform opens it with its OpenID configuration
 * and a registration token; the tool reads the configuration, registers itself at the platform's
 * registration endpoint, and records the platform with the client id and deployment it was given.
 */
export class DynamicRegistration {
  constructor(private readonly deps: { db: Kysely<Database>; now: () => number; fetch: FetchLike; platforms: LtiPlatforms }) {}

  async newUrl(adminId: string, toolUrl: string): Promise<{ url: string; expiresAt: string }> {
    const code = randomBytes(24).toString('base64url');
    const expires = this.deps.now() + REGISTRATION_TTL_MS;
    await this.deps.db.deleteFrom('lti_registration_codes').where('expires_ms', '<', this.deps.now()).execute();
    await this.deps.db.insertInto('lti_registration_codes').values({ code_hash: hashToken(code), created_by: adminId, expires_ms: expires }).execute();
    return { url: `${toolUrl}/lti/register?code=${code}`, expiresAt: new Date(expires).toISOString() };
  }

  async register(params: Record<string, unknown>, toolUrl: string): Promise<Platform> {
    const code = typeof params.code === 'string' ? params.code : '';
    const configUrl = typeof params.openid_configuration === 'string' ? params.openid_configuration : '';
    const token = typeof params.registration_token === 'string' ? params.registration_token : undefined;
    if (!configUrl) throw new RegistrationError('The platform did not send its openid_configuration address.');
    const spent = Number((await this.deps.db.deleteFrom('lti_registration_codes').where('code_hash', '=', hashToken(code)).where('expires_ms', '>=', this.deps.now()).executeTakeFirst()).numDeletedRows);
    if (spent !== 1) throw new RegistrationError('This registration URL is unknown, expired or already used: make a new one in certprep (Administration, LTI 1.3 platforms).');
    const config = await this.json(configUrl, { headers: { accept: 'application/json' } }, openidConfigSchema, 'the OpenID configuration');
    if (!configUrl.startsWith(config.issuer)) throw new RegistrationError(`The configuration at ${configUrl} names the issuer ${config.issuer}, which is not its own address.`);
    const tool = new URL(toolUrl);
    const body = {
      application_type: 'web',
      response_types: ['id_token'],
      grant_types: ['implicit', 'client_credentials'],
      initiate_login_uri: `${toolUrl}/lti/login`,
      redirect_uris: [`${toolUrl}/lti/launch`],
      client_name: 'certprep',
      jwks_uri: `${toolUrl}/lti/jwks`,
      token_endpoint_auth_method: 'private_key_jwt',
      scope: [SCOPE.score, SCOPE.lineItem, SCOPE.memberships].join(' '),
      [TOOL_CONFIG]: {
        domain: tool.host,
        target_link_uri: `${toolUrl}/lti/launch`,
        description: 'Preparation and readiness for the AWS Certified Machine Learning Engineer – Associate exam',
        claims: ['iss', 'sub', 'name', 'given_name', 'family_name', 'email', 'locale'],
        messages: [{ type: 'LtiDeepLinkingRequest', target_link_uri: `${toolUrl}/lti/launch`, label: 'certprep' }],
      },
    };
    const answer = await this.json(config.registration_endpoint, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) }, registrationAnswerSchema, 'the registration');
    const deployment = answer[TOOL_CONFIG]?.deployment_id;
    const parsed = registerPlatformSchema.safeParse({ issuer: config.issuer, clientId: answer.client_id, deploymentIds: deployment ? [deployment] : [], authUrl: config.authorization_endpoint, tokenUrl: config.token_endpoint, jwksUrl: config.jwks_uri });
    if (!parsed.success) throw new RegistrationError(`The platform's configuration cannot be used: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`);
    return this.deps.platforms.register(parsed.data);
  }

  private async json<T>(url: string, init: RequestInit, schema: z.ZodType<T>, what: string): Promise<T> {
    let res: Response;
    try {
      res = await this.deps.fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    } catch (e) {
      throw new RegistrationError(`The platform could not be reached for ${what} at ${url}: ${(e as Error).message}.`);
    }
    if (!res.ok) throw new RegistrationError(`The platform refused ${what}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
    const parsed = schema.safeParse(await res.json().catch(() => null));
    if (!parsed.success) throw new RegistrationError(`The platform's answer to ${what} cannot be read: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}.`);
    return parsed.data;
  }
}
