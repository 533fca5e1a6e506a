import { parseArgs } from 'node:util';
import { InvalidBankError, loadBank } from '../../server/start-server.ts';
import { openStore } from '../open-store.ts';

/** `certprep bank load [content] [--database URL]`: loads the bank into the store, as the server does at start-up. */
export async function bankLoad(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { database: { type: 'string' } } });
  const handle = await openStore(values.database);
  try {
    const { summary: s, entries } = await loadBank(handle, positionals[0] ?? 'content');
    console.log(`bank: ${entries} entries (${s.added} added, ${s.changed} changed, ${s.unchanged} unchanged, ${s.retired} retired) in ${handle.store}`);
    return 0;
  } catch (e) {
    if (e instanceof InvalidBankError) {
      console.error(`certprep bank load: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await handle.close();
  }
}
