import { parseArgs } from 'node:util';
import { ReadOnlyDatabaseError } from '../../db/probe-writable.ts';
import { readConfig } from '../../server/config.ts';
import { InvalidBankError, startServer } from '../../server/start-server.ts';

/** `certprep serve [--port N] [--host H] [--database URL] [--content DIR]`: the web app and API. */
export async function serve(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, host: { type: 'string' }, database: { type: 'string' }, content: { type: 'string' } },
  });
  let config;
  try {
    config = readConfig(process.env, { port: values.port, host: values.host, databaseUrl: values.database, contentDir: values.content });
  } catch (e) {
    console.error(`certprep: ${(e as Error).message}`);
    return 2;
  }
  try {
    const server = await startServer(config);
    const stop = async () => {
      await server.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    await new Promise(() => {});
    return 0;
  } catch (e) {
    if (e instanceof InvalidBankError || e instanceof ReadOnlyDatabaseError) {
      console.error(`certprep: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
