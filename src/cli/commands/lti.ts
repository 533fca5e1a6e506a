import { parseArgs } from 'node:util';
import { ToolKeys } from '../../server/lti/tool-keys.ts';
import { openStore } from '../open-store.ts';

const USAGE = 'usage: certprep lti rotate-key [--database URL]';

/** `certprep lti rotate-key`: a new LTI signing key; the old one stays published for a day. */
export async function ltiCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { database: { type: 'string' } } });
  if (positionals[0] !== 'rotate-key' || positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const handle = await openStore(values.database);
  try {
    const kid = await new ToolKeys({ db: handle.db, now: Date.now }).rotate();
    console.log(`new LTI signing key ${kid}; the previous one stays in /lti/jwks for 24 hours`);
    return 0;
  } finally {
    await handle.close();
  }
}
