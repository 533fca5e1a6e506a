import { parseArgs } from 'node:util';
import { registerPlatformSchema } from '../../core/api/contracts.ts';
import { AppError } from '../../server/errors.ts';
import { LtiPlatforms } from '../../server/lti/platforms.ts';
import { ToolKeys } from '../../server/lti/tool-keys.ts';

const FLAG: Record<string, string> = { issuer: 'issuer', clientId: 'client-id', deploymentIds: 'deployment', authUrl: 'auth-url', tokenUrl: 'token-url', jwksUrl: 'jwks-url' };
import { openStore } from '../open-store.ts';

const USAGE = [
  'usage: certprep lti rotate-key [--database URL]',
  '       certprep lti register --issuer URL --client-id ID --deployment ID [--deployment ID ...] --auth-url URL --token-url URL --jwks-url URL [--database URL]',
  '       certprep lti platforms [--database URL]',
].join('\n');

/** `certprep lti`: rotate the tool's signing key (the old one stays published a day), register a platform, list them. */
export async function ltiCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { database: { type: 'string' }, issuer: { type: 'string' }, 'client-id': { type: 'string' }, deployment: { type: 'string', multiple: true }, 'auth-url': { type: 'string' }, 'token-url': { type: 'string' }, 'jwks-url': { type: 'string' } },
  });
  const action = positionals[0];
  if (positionals.length !== 1 || !['rotate-key', 'register', 'platforms'].includes(action ?? '')) {
    console.error(USAGE);
    return 2;
  }
  const registration = action === 'register' ? registerPlatformSchema.safeParse({ issuer: values.issuer, clientId: values['client-id'], deploymentIds: values.deployment ?? [], authUrl: values['auth-url'], tokenUrl: values['token-url'], jwksUrl: values['jwks-url'] }) : undefined;
  if (registration && !registration.success) {
    for (const issue of registration.error.issues) console.error(`certprep lti register: --${FLAG[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`);
    return 2;
  }
  const handle = await openStore(values.database);
  try {
    if (action === 'rotate-key') {
      const kid = await new ToolKeys({ db: handle.db, now: Date.now }).rotate();
      console.log(`new LTI signing key ${kid}; the previous one stays in /lti/jwks for 24 hours`);
      return 0;
    }
    const platforms = new LtiPlatforms({ db: handle.db, now: Date.now });
    if (registration?.success) {
      const p = await platforms.register(registration.data);
      console.log(`registered ${p.issuer} (client id ${p.clientId}, deployments ${p.deploymentIds.join(', ')}) as ${p.id}`);
      return 0;
    }
    for (const p of await platforms.list()) console.log(`${p.id}  ${p.issuer}  client ${p.clientId}  deployments ${p.deploymentIds.join(',')}`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`certprep lti ${action}: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await handle.close();
  }
}
