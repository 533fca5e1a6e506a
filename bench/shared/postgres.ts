// A throwaway PostgreSQL cluster for the benchmarks, durable: the test helper starts its cluster with
// fsync=off and full_page_writes=off (fast tests), so here it is restarted with both on and
// synchronous_commit=on, and the settings are read back from the server to prove it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { postgresBin, startPostgres } from '../../test/helpers/postgres-cluster.ts';

export interface DurablePostgres {
  url: string;
  /** fsync, synchronous_commit and full_page_writes as the running server reports them. */
  settings: Record<string, string>;
  /** The postmaster's process id (its children are the cluster's processes). */
  postmaster: number;
  stop(): void;
}

async function query(url: string, sql: string): Promise<Record<string, string>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

export async function startDurablePostgres(database = 'bench'): Promise<DurablePostgres> {
  const cluster = await startPostgres();
  const url = await cluster.createDatabase(database);
  const [where] = await query(url, `select current_setting('data_directory') as data, current_setting('unix_socket_directories') as sockets, current_setting('port') as port`);
  // pg_ctl restart with -o replaces the helper's options (the unsafe ones) with ours.
  const opts = `-p ${where!.port} -k ${where!.sockets} -c listen_addresses=127.0.0.1 -c fsync=on -c full_page_writes=on -c synchronous_commit=on -c max_connections=200`;
  const ctl = [path.join(postgresBin()!, 'pg_ctl'), '-D', where!.data!, '-l', path.join(where!.sockets!, 'log'), '-w', '-o', opts, 'restart'];
  const r = process.getuid?.() === 0 ? spawnSync('runuser', ['-u', 'postgres', '--', ...ctl], { encoding: 'utf8' }) : spawnSync(ctl[0]!, ctl.slice(1), { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pg_ctl restart failed: ${r.stderr || r.stdout}`);
  const rows = await query(url, `select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'max_connections')`);
  const settings = Object.fromEntries(rows.map((x) => [x.name!, x.setting!]));
  if (settings.fsync !== 'on' || settings.synchronous_commit !== 'on') {
    cluster.stop();
    throw new Error(`the cluster is not durable: ${JSON.stringify(settings)}`);
  }
  const postmaster = Number(readFileSync(path.join(where!.data!, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { url, settings, postmaster, stop: () => cluster.stop() };
}
