import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = 'test/fixtures/lint';

/** Runs the real CLI as a user would, from the repository root. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: repo, env: { ...process.env, TZ: 'UTC' } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('certprep lint', () => {
  it('passes the clean fixture with exit code 0 and only the summary line', async () => {
    const { code, stdout } = await cli('lint', `${FIXTURES}/clean`);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([
      'ok: 6 entries (7 questions), 0 errors, 0 warnings; key positions a/b/c/d 1/1/1/0 (too few single items to test); key longest in 0.0% of 4',
    ]);
  });

  it('reports every kind of problem as path:line:col severity code message [item-id] and exits 1', async () => {
    const { code, stdout } = await cli('lint', `${FIXTURES}/problems`);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    const file = `${FIXTURES}/problems/items/d1/problems.yaml`;
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^\S+:\d+:\d+ (error|warning) [a-z-]+ .+/);
    const has = (prefix: string, code: string, item?: string) =>
      expect(lines.some((l) => l.startsWith(prefix) && l.includes(` ${code} `) && (!item || l.endsWith(`[${item}]`))), `${prefix} ${code} ${item ?? ''}`).toBe(true);
    has(`${FIXTURES}/problems:1:1 warning`, 'key-position-bias');
    has(`${FIXTURES}/problems:1:1 warning`, 'key-longest-share');
    has(`${FIXTURES}/problems/exams/lint-fixture.yaml:22:13 error`, 'bullet-uncovered');
    has(`${file}:8:11 error`, 'select-count-mismatch', 'bad-select');
    has(`${file}:23:11 error`, 'select-count-missing', 'no-select');
    has(`${file}:40:9 warning`, 'absolute-word', 'of-the-above');
    has(`${file}:42:9 error`, 'of-the-above', 'of-the-above');
    has(`${file}:63:11 error`, 'duplicate-stem', 'dup-second');
    has(`${file}:76:11 warning`, 'near-duplicate-stem', 'near-dup');
    has(`${file}:96:18 error`, 'reference-language', 'bad-reference');
    has(`${file}:102:11 warning`, 'out-of-scope-service', 'out-of-scope');
    has(`${file}:107:9 warning`, 'out-of-scope-service', 'out-of-scope');
    has(`${file}:117:9 warning`, 'key-much-longer', 'long-key');
    has(`${file}:130:7 error`, 'schema', 'schema-broken');
    // validate and lint both check reference languages: the problem is printed once.
    expect(lines.filter((l) => l.includes('reference-language'))).toHaveLength(1);
    expect(lines.at(-1)).toBe('failed: 29 entries (29 questions), 7 errors, 7 warnings; key positions a/b/c/d 27/0/0/0 (chi-square 81.00, p = 1.87e-17); key longest in 86.2% of 29');
  });

  it('prints one JSON object with --json, and skips coverage for a single file', async () => {
    const file = `${FIXTURES}/problems/items/d1/problems.yaml`;
    const { code, stdout } = await cli('lint', file, '--exams', `${FIXTURES}/problems/exams`, '--json');
    expect(code).toBe(1);
    const result = JSON.parse(stdout) as { ok: boolean; wholeBank: boolean; errors: number; warnings: number; problems: { code: string; file: string; line: number }[]; stats: { keyPositions: Record<string, number> } };
    expect(result).toMatchObject({ ok: false, wholeBank: false, errors: 6, warnings: 5, stats: { keyPositions: { a: 7, b: 0, c: 0, d: 0 } } });
    expect(result.problems.some((p) => p.code === 'bullet-uncovered')).toBe(false);
    expect(result.problems.find((p) => p.code === 'select-count-missing')).toMatchObject({ file, line: 23 });
  });

  it('takes a list of absolute words', async () => {
    const file = `${FIXTURES}/problems/items/d1/problems.yaml`;
    const { stdout } = await cli('lint', file, '--exams', `${FIXTURES}/problems/exams`, '--absolute-words', 'only, all');
    expect(stdout).toContain(`${file}:117:9 warning absolute-word option "a" uses the absolute word "only" [long-key]`);
    expect(stdout).not.toContain('"always"');
  });

  it('lints one exam version with --exam: its items and its coverage only; an unknown exam is refused', async () => {
    type Out = { exam: string; ok: boolean; entries: number; warnings: number; problems: { code: string; message: string; file: string }[] };
    const c02 = JSON.parse((await cli('lint', 'content', '--exam', 'mla-c02', '--json')).stdout) as Out;
    const c01 = JSON.parse((await cli('lint', 'content', '--exam', 'mla-c01', '--json')).stdout) as Out;
    expect(c02).toMatchObject({ exam: 'mla-c02', ok: true });
    // Both versions meet their coverage targets.
    expect(c02.problems.filter((p) => p.code === 'bullet-uncovered')).toEqual([]);
    expect(c01.problems.filter((p) => p.code === 'bullet-uncovered')).toEqual([]);
    // Each version lints its own items: some are C01 only, some C02 only.
    const all = JSON.parse((await cli('lint', 'content', '--json')).stdout) as Out;
    expect(c02.entries).toBeLessThan(all.entries);
    expect(c01.entries).toBeLessThan(all.entries);
    const unknown = await cli('lint', 'content', '--exam', 'mla-c03');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('certprep lint: unknown exam "mla-c03"; the exams are mla-c01, mla-c02');
  });

  it('warns about the study path of a whole bank: modules without a lesson or with too few questions for a quiz', async () => {
    type Out = { ok: boolean; problems: { severity: string; code: string; message: string }[] };
    const out = JSON.parse((await cli('lint', 'test/fixtures/study-gaps', '--json')).stdout) as Out;
    const gaps = out.problems.filter((p) => p.code === 'study-gap');
    expect(gaps.every((p) => p.severity === 'warning')).toBe(true);
    expect(gaps.map((p) => p.message)).toContain('MLA-C01: module 1 (Data ingestion for ML) has no lesson');
    expect(gaps.map((p) => p.message)).toContain('MLA-C01: module 1 has 3 questions for its quiz (at least 10)');
    // (This small bank also fails the coverage rules: those are errors; the study path only warns.)
    expect(out.problems.filter((p) => p.severity === 'error').every((p) => p.code !== 'study-gap')).toBe(true);
  });

  it('fails clearly on a missing path and on unknown options', async () => {
    const missing = await cli('lint', `${FIXTURES}/no-such-folder`);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain(`${FIXTURES}/no-such-folder:1:1 error not-found no such file or folder`);
    const bad = await cli('lint', '--bogus');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/certprep lint: Unknown option '--bogus'/);
  });
});
