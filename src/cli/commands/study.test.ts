import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs a shell pipeline under `pipefail`, so the exit code is the first failing command's. */
function pipeline(script: string): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile('bash', ['-o', 'pipefail', '-c', script], { cwd: process.cwd() }, (err, stdout, stderr) => {
      resolve({ stdout, stderr, code: err ? ((err as { code?: number }).code ?? 1) : 0 });
    });
  });
}

describe('certprep study report', () => {
  it('ends quietly when its reader stops after the first line (| head -1)', async () => {
    const { stdout, stderr, code } = await pipeline('npx tsx src/cli/main.ts study report --exam mla-c02 | head -1');
    expect(stdout).toMatch(/^MLA-C02: 36 content modules, \d+ with a lesson, \d+ flash cards\n$/);
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  }, 60_000);
});
