import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import type { RegisterPlatform } from '../../src/core/api/contracts.ts';
import { CLAIM } from '../../src/server/lti/lti-claims.ts';
import type { FetchLike } from '../../src/server/lti/platform-keys.ts';

const MEMBERSHIP = 'http://purl.imsglobal.org/vocab/lis/v2/membership#';
export const ROLE = { learner: `${MEMBERSHIP}Learner`, instructor: `${MEMBERSHIP}Instructor` } as const;

interface SigningKey { kid: string; privateKey: CryptoKey; jwk: JWK }
async function newKey(): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export interface PlatformMember { user_id: string; roles: string[]; name?: string; email?: string; status?: string }

/**
 * An LTI 1.3 Advantage platform in the test's process (a stand-in for Moodle): its keys and the id_tokens it
 * signs, the OIDC leg of a launch against the tool, and its services answered through `fetch` — the key set,
 * the OAuth token endpoint (checking the tool's signed assertion against the tool's published keys), grade
 * columns that record scores (and can fail on demand), and a course roster served in pages.
 */
export class SimulatedPlatform {
  readonly issuer: string;
  readonly clientId = 'certprep-tool-1';
  readonly deploymentId = '7';
  keys: SigningKey[] = [];
  /** Scores posted to grade columns: the column, the score, and the scope the token was granted. */
  readonly scores: { lineitem: string; score: { userId: string; scoreGiven: number; scoreMaximum: number; activityProgress: string; gradingProgress: string } }[] = [];
  /** The next N score posts fail with HTTP 503. */
  failScores = 0;
  members: PlatformMember[] = [];
  readonly tokenRequests: { scope: string }[] = [];
  /** Dynamic registration: the token the platform gives the tool, and the registrations it received. */
  readonly registrationToken = 'reg-token-1';
  readonly registrations: Record<string, unknown>[] = [];
  private readonly granted = new Map<string, string>();

  private constructor(
    /** The tool's published keys (to check its signed assertions). */
    private readonly toolJwks: () => Promise<JSONWebKeySet>,
    origin: string,
    /** The test's clock (the tool's), for checking the tool's signed assertions. */
    private readonly now: () => number,
  ) {
    this.issuer = origin;
  }

  /** A platform for a tool in this process (`app.inject`), or elsewhere (`toolJwks`); `origin` is its issuer. */
  static async create(tool: FastifyInstance | (() => Promise<JSONWebKeySet>), now: () => number, origin = 'https://lms.example.edu'): Promise<SimulatedPlatform> {
    const jwks = typeof tool === 'function' ? tool : async () => (await tool.inject({ method: 'GET', url: '/lti/jwks' })).json() as JSONWebKeySet;
    const p = new SimulatedPlatform(jwks, origin, now);
    p.keys = [await newKey()];
    return p;
  }

  get registration(): RegisterPlatform {
    return { issuer: this.issuer, clientId: this.clientId, deploymentIds: [this.deploymentId], authUrl: `${this.issuer}/mod/lti/auth.php`, tokenUrl: `${this.issuer}/mod/lti/token.php`, jwksUrl: `${this.issuer}/mod/lti/certs.php` };
  }
  lineitem(n: number): string {
    return `${this.issuer}/mod/lti/services.php/2/lineitems/${n}/lineitem?type_id=1`;
  }
  get openidConfigurationUrl(): string {
    return `${this.issuer}/mod/lti/openid-configuration.php`;
  }
  get membershipsUrl(): string {
    return `${this.issuer}/mod/lti/services.php/CourseSection/2/bindings/1/memberships`;
  }

  /** A new signing key (the old one is no longer published). */
  async rotateKey(): Promise<void> {
    this.keys = [await newKey()];
  }

  /** Claims of a resource-link launch by `sub` in course `course-2`, changed by `over`. */
  claims(sub: string, role: 'learner' | 'instructor', over: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      sub,
      name: role === 'instructor' ? 'Irène Instructor' : `Learner ${sub}`,
      email: `${sub}@lms.example.edu`,
      locale: 'en',
      [CLAIM.messageType]: 'LtiResourceLinkRequest',
      [CLAIM.version]: '1.3.0',
      [CLAIM.deploymentId]: this.deploymentId,
      [CLAIM.targetLinkUri]: 'http://localhost/lti/launch',
      [CLAIM.roles]: [ROLE[role]],
      [CLAIM.context]: { id: 'course-2', label: 'MLA', title: 'ML Engineer Associate, spring cohort' },
      [CLAIM.resourceLink]: { id: 'link-1', title: 'Full mock exam' },
      [CLAIM.custom]: { certprep_target: 'mock:short' },
      [CLAIM.ags]: { scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/score'], lineitems: `${this.issuer}/mod/lti/services.php/2/lineitems`, lineitem: this.lineitem(1) },
      [CLAIM.nrps]: { context_memberships_url: this.membershipsUrl, service_versions: ['2.0'] },
      ...over,
    };
  }

  /** An id_token: signed by the current key unless `key` says otherwise; `iat` and `exp` relative to `nowMs`. */
  async idToken(claims: Record<string, unknown>, opts: { nonce: string; nowMs: number; aud?: string | string[]; iss?: string; key?: SigningKey; kid?: string; iatOffsetS?: number; expInS?: number }): Promise<string> {
    const key = opts.key ?? this.keys[0]!;
    const iat = Math.floor(opts.nowMs / 1000) + (opts.iatOffsetS ?? 0);
    return new SignJWT({ ...claims, nonce: opts.nonce })
      .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? key.kid, typ: 'JWT' })
      .setIssuer(opts.iss ?? this.issuer)
      .setAudience(opts.aud ?? this.clientId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + (opts.expInS ?? 300))
      .sign(key.privateKey);
  }

  /** A signing key this platform does not publish (a forger's). */
  static foreignKey = newKey;

  /** The platform's side of the network, for the tool's `ltiFetch`. */
  readonly fetch: FetchLike = async (url, init = {}) => {
    const u = new URL(url);
    const reg = this.registration;
    if (url === reg.jwksUrl) return Response.json({ keys: this.keys.map((k) => k.jwk) });
    if (url === this.openidConfigurationUrl) return Response.json({ issuer: this.issuer, authorization_endpoint: reg.authUrl, token_endpoint: reg.tokenUrl, jwks_uri: reg.jwksUrl, registration_endpoint: `${this.issuer}/mod/lti/openid-registration.php`, 'https://purl.imsglobal.org/spec/lti-platform-configuration': { product_family_code: 'moodle', version: '4.5' } });
    if (url === `${this.issuer}/mod/lti/openid-registration.php` && init.method === 'POST') {
      if (new Headers(init.headers).get('authorization') !== `Bearer ${this.registrationToken}`) return new Response('bad registration token', { status: 401 });
      this.registrations.push(JSON.parse(String(init.body)));
      return Response.json({ client_id: 'dyn-client-1', 'https://purl.imsglobal.org/spec/lti-tool-configuration': { deployment_id: '12' } });
    }
    if (url === reg.tokenUrl) return this.token(new URLSearchParams(String(init.body)));
    const scope = this.granted.get(String(new Headers(init.headers).get('authorization')).replace(/^Bearer /, ''));
    if (u.pathname.endsWith('/scores') && init.method === 'POST') {
      if (!scope?.includes('lti-ags/scope/score')) return new Response('no score scope', { status: 401 });
      if (this.failScores > 0) {
        this.failScores--;
        return new Response('gradebook busy', { status: 503 });
      }
      u.pathname = u.pathname.replace(/\/scores$/, '');
      this.scores.push({ lineitem: u.href, score: JSON.parse(String(init.body)) });
      return new Response(null, { status: 204 });
    }
    if (url.startsWith(this.membershipsUrl)) {
      if (!scope?.includes('contextmembership.readonly')) return new Response('no roster scope', { status: 401 });
      // Two pages, linked as the NRPS specification says.
      const page = u.searchParams.get('page') === '2' ? 2 : 1;
      const half = Math.ceil(this.members.length / 2);
      const members = page === 1 ? this.members.slice(0, half) : this.members.slice(half);
      const headers: Record<string, string> = { 'content-type': 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json' };
      if (page === 1) headers.link = `<${this.membershipsUrl}?page=2>; rel="next"`;
      return new Response(JSON.stringify({ id: this.membershipsUrl, context: { id: 'course-2' }, members }), { headers });
    }
    return new Response('not found', { status: 404 });
  };

  private async token(form: URLSearchParams): Promise<Response> {
    const jwks = await this.toolJwks();
    try {
      await jwtVerify(form.get('client_assertion') ?? '', createLocalJWKSet(jwks), { issuer: this.clientId, subject: this.clientId, audience: this.registration.tokenUrl, currentDate: new Date(this.now()) });
    } catch (e) {
      return Response.json({ error: 'invalid_client', error_description: (e as Error).message }, { status: 401 });
    }
    if (form.get('grant_type') !== 'client_credentials') return Response.json({ error: 'unsupported_grant_type' }, { status: 400 });
    const token = randomUUID();
    const scope = form.get('scope') ?? '';
    this.granted.set(token, scope);
    this.tokenRequests.push({ scope });
    return Response.json({ access_token: token, token_type: 'Bearer', expires_in: 3600, scope });
  }
}

/** The browser's part of a launch, through `inject`: login initiation, the platform's form post of the id_token, and the app's exchange of the code. */
export async function launchThrough(tool: FastifyInstance, platform: SimulatedPlatform, claims: Record<string, unknown>, opts: { nowMs: number; token?: (nonce: string) => Promise<string>; state?: (state: string) => string; clientId?: string }) {
  const login = await tool.inject({ method: 'POST', url: '/lti/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ iss: platform.issuer, login_hint: String(claims.sub), target_link_uri: 'http://localhost/lti/launch', client_id: opts.clientId ?? platform.clientId, lti_message_hint: 'hint-1' }).toString() });
  if (login.statusCode !== 302) return { login, launch: undefined, exchange: undefined };
  const auth = new URL(login.headers.location as string);
  const nonce = auth.searchParams.get('nonce')!;
  const state = auth.searchParams.get('state')!;
  const idToken = opts.token ? await opts.token(nonce) : await platform.idToken(claims, { nonce, nowMs: opts.nowMs });
  const launch = await tool.inject({ method: 'POST', url: '/lti/launch', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ id_token: idToken, state: opts.state ? opts.state(state) : state }).toString() });
  const code = /^\/#\/lti\/start\/([A-Za-z0-9_-]+)$/.exec(String(launch.headers.location ?? ''))?.[1];
  const exchange = code ? await tool.inject({ method: 'POST', url: '/api/lti/session', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ code }) }) : undefined;
  return { login, auth, idToken, state, launch, code, exchange };
}
