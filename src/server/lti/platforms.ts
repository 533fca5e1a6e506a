import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Platform, RegisterPlatform } from '../../core/api/contracts.ts';
import type { Database } from '../../db/schema.ts';
import { conflict, notFound } from '../errors.ts';

type Row = Database['lti_platforms'];
const view = (r: Row): Platform => ({ id: r.id, issuer: r.issuer, clientId: r.client_id, deploymentIds: JSON.parse(r.deployment_ids) as string[], authUrl: r.auth_url, tokenUrl: r.token_url, jwksUrl: r.jwks_url, registeredAt: new Date(Number(r.created_ms)).toISOString() });

/**
 * The LTI 1.3 platforms the tool trusts, one per (issuer, client id): a launch is accepted only from a
 * registered platform and deployment, verified against that platform's keys (`jwksUrl`).
 */
export class LtiPlatforms {
  constructor(private readonly deps: { db: Kysely<Database>; now: () => number }) {}

  async list(): Promise<Platform[]> {
    return (await this.deps.db.selectFrom('lti_platforms').selectAll().orderBy('created_ms').execute()).map(view);
  }

  async register(body: RegisterPlatform): Promise<Platform> {
    const { db, now } = this.deps;
    const taken = await db.selectFrom('lti_platforms').select('id').where('issuer', '=', body.issuer).where('client_id', '=', body.clientId).executeTakeFirst();
    if (taken) throw conflict('platform-exists', `The platform ${body.issuer} with client id ${body.clientId} is already registered; remove it first to change it.`);
    const row: Row = { id: randomUUID(), issuer: body.issuer, client_id: body.clientId, deployment_ids: JSON.stringify([...new Set(body.deploymentIds)]), auth_url: body.authUrl, token_url: body.tokenUrl, jwks_url: body.jwksUrl, created_ms: now() };
    await db.insertInto('lti_platforms').values(row).execute();
    return view(row);
  }

  async remove(id: string): Promise<void> {
    const r = await this.deps.db.deleteFrom('lti_platforms').where('id', '=', id).executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) throw notFound('The platform');
  }

  /** The platform a launch claims to come from, if registered. */
  async find(issuer: string, clientId: string): Promise<Platform | undefined> {
    const r = await this.deps.db.selectFrom('lti_platforms').selectAll().where('issuer', '=', issuer).where('client_id', '=', clientId).executeTakeFirst();
    return r && view(r);
  }
}
