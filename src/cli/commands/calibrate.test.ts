import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../test/helpers/shared-path.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const lsat = sharedPath('reference', 'measurement', 'lsat7-patterns.csv');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'calibrate', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('certprep calibrate', () => {
  it('prints the JSON contract for 2PL on LSAT7, matching mirt', () => {
    const r = run('--responses', lsat, '--model', '2pl', '--json', '--tolerance', '1e-6');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(Object.keys(out)).toEqual(['items', 'logLik', 'iterations', 'converged']);
    expect(Object.keys(out.items[0])).toEqual(['id', 'a', 'd', 'b']);
    expect(out.items[0].id).toBe('Item.1');
    expect(Math.abs(out.items[2].a - 1.7058)).toBeLessThan(0.01);
    expect(Math.abs(out.logLik - -2658.805)).toBeLessThan(0.01);
    expect(out.converged).toBe(true);
  }, 30_000);

  it('adds c for 3PL and thetaSd for Rasch; the table mode reports progress on stderr', () => {
    const three = JSON.parse(run('--responses', lsat, '--model', '3pl', '--json').out);
    expect(Object.keys(three.items[0])).toEqual(['id', 'a', 'd', 'b', 'c']);
    const rasch = JSON.parse(run('--responses', lsat, '--model', 'rasch', '--json').out);
    expect(rasch.thetaSd).toBeGreaterThan(0.5);
    expect(rasch.items.every((i: { a: number }) => i.a === 1)).toBe(true);
    const table = run('--responses', lsat);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^item\s+a\s+d\s+b/);
    expect(table.out).toMatch(/1000 persons in 32 distinct patterns/);
    expect(table.err).toMatch(/calibrating \[[#.]{20}\] \d+%  EM step 1,/);
    expect(table.err).toMatch(/calibrating \[#{20}\] 100%/);
  }, 30_000);

  it('fails with file:line:col on a bad CSV, and with usage on bad flags', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calibrate-'));
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'q1,q2\n1,0\n0,2\n');
    const r = run('--responses', bad, '--json');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}:3:2: column "q2": expected 1, 0 or empty, got "2"`);
    expect(r.out).toBe('');
    const missing = run('--responses', path.join(dir, 'none.csv'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read .*none\.csv: ENOENT/);
    const usage = run('--model', 'irt');
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/--model must be one of rasch, 2pl, 3pl, got "irt"/);
  }, 30_000);

  it('exits 1 and says why when EM stops before converging, still printing the estimates', () => {
    const r = run('--responses', lsat, '--json', '--max-iterations', '2', '--tolerance', '1e-9');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out);
    expect(out.converged).toBe(false);
    expect(out.reason).toMatch(/iteration limit \(2\)/);
    expect(r.err).toMatch(/not converged/);
  }, 30_000);
});
