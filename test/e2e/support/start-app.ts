import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../../..');
let built = false;

/** Builds web/dist once per test file (the server serves it), failing with vite's own output. */
export function buildWeb(): void {
  if (built) return;
  const out = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: repo, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`vite build failed:\n${out.stdout}\n${out.stderr}`);
  built = true;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  url: string;
  stop: () => Promise<void>;
  /** What the server printed so far. */
  output: () => string;
}

/**
 * Starts the real server (`certprep serve`) on a free port (on 127.0.0.1, or `host`) with a fresh SQLite database in a temp
 * folder and the given content folder, and waits until GET /api/session answers.
 */
export async function startApp(content = 'test/fixtures/e2e-bank', opts: { host?: string } = {}): Promise<RunningApp> {
  buildWeb();
  const dir = await mkdtemp(path.join(tmpdir(), 'certprep-e2e-'));
  const port = await freePort();
  // CERTPREP_E2E_SERVER_ROOT runs the server from another copy of the repository (a snapshot of a
  // known-good commit, say) while still serving this checkout's web/dist.
  const serverRoot = process.env.CERTPREP_E2E_SERVER_ROOT ?? repo;
  // Node with tsx's loader, not npx: one process, which gets the signals sent to it.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: serverRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: path.join(dir, 'e2e.db'), PORT: String(port), CERTPREP_CONTENT: path.resolve(repo, content), CERTPREP_WEB: path.join(repo, 'web/dist'), SECURE_COOKIES: 'false', LOG_LEVEL: 'warn', ...(opts.host ? { HOST: opts.host } : {}) },
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const groupAlive = (pid: number) => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  /** SIGTERM to the server's process group (a clean shutdown), SIGKILL if anything is left after 5 s. */
  const stop = async () => {
    const pid = child.pid;
    if (pid && groupAlive(pid)) {
      process.kill(-pid, 'SIGTERM');
      for (let i = 0; i < 50 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
      if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };
  const started = Date.now();
  while (Date.now() - started < 90_000) {
    if (child.exitCode !== null) throw new Error(`certprep serve exited with code ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/api/session`);
      if (res.ok) return { url, stop, output: () => output };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`certprep serve did not answer GET /api/session within 90 s:\n${output}`);
}
