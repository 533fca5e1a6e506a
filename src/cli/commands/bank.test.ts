import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: repo, env: { ...process.env, TZ: 'UTC' } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('certprep bank report', () => {
  it('prints exactly one JSON object with the agreed keys, case-study questions under their own types', async () => {
    const { code, stdout } = await cli('bank', 'report', 'test/fixtures/lint/clean', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      exam: 'lint-fixture',
      items: 7,
      byDomain: { '1': 7 },
      byTask: { '1.1': 7 },
      bySkill: { '1.1.k1': 2, '1.1.k2': 3, '1.1.s1': 4 },
      byType: { single: 3, multiple: 1, ordering: 2, matching: 1 },
      caseStudies: 1,
      mockPool: 7,
      uncovered: [],
    });
  });

  it('prints the tables and the gaps', async () => {
    const { code, stdout } = await cli('bank', 'report', 'test/fixtures/lint/problems');
    expect(code).toBe(0);
    expect(stdout).toContain('LINT-01 bank report: 29 items, 0 case studies');
    expect(stdout).toMatch(/^1 +Data Preparation +29 +100\.0% +100\.0%$/m);
    expect(stdout).toMatch(/^1\.1 +Ingest and store data +29 +ok +27 +2 +0 +0 +0 +29 +0 +0 +0$/m);
    expect(stdout).toContain('  1.1  k1 25  k2 4  s1 0*');
    expect(stdout).toContain('  - skill 1.1.s1 "Choosing appropriate data formats": 0 items a mock may use, needs 2');
    expect(stdout).toContain('  - case studies: 0, needs 8');
  });

  it('prints the quiz pool of each study-path module, marking those under 10 (no quiz) and under 20 (no retake with new questions)', async () => {
    const { code, stdout } = await cli('bank', 'report', 'test/fixtures/study-gaps');
    expect(code).toBe(0);
    expect(stdout).toContain('Questions per study-path module, for its quiz (* = fewer than 10, + = fewer than 20):');
    expect(stdout).toContain('  m1 3*  m2 0*  m3 0*  m4 0*  m5 1*  m6 1*  m7 2*  m8 0*  m9 0*  m10 2*');
    const real = await cli('bank', 'report', '--exam', 'mla-c02');
    expect(real.stdout).toMatch(/^ {2}m1 \d+ /m);
    expect(real.stdout).not.toMatch(/ m27 /); // the mock is not a module with a quiz
  });

  it('rejects an unknown subcommand and prints usage without one', async () => {
    const unknown = await cli('bank', 'frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('certprep bank: unknown subcommand "frobnicate"');
    const none = await cli('bank');
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('report');
  });
});
