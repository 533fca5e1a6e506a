/**
 * Interchange benchmark: 10,000 items exported as Moodle XML and as a QTI 3.0 package, then
 * imported back (parsing plus the bank's structural checks, as `certprep import` does).
 * Each measurement runs in its own process, as one CLI command would, so that its peak memory
 * (max RSS) is its own; each is run 3 times and the best and median rates are printed.
 *
 *   npx tsx bench/interchange/run.ts [items]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMoodle } from '../../src/formats/moodle/parse-moodle.ts';
import { writeMoodle } from '../../src/formats/moodle/write-moodle.ts';
import { parseQti } from '../../src/formats/qti/parse-qti.ts';
import { writeQti } from '../../src/formats/qti/write-qti.ts';
import { benchItems } from './bench-items.ts';

const limits = { maxFileBytes: 500 * 1024 * 1024, maxUnpackedBytes: 2000 * 1024 * 1024, maxEntries: 100_000 };
type Phase = 'export-moodle' | 'export-qti' | 'import-moodle' | 'import-qti';

/** One measurement in this process: prints `{ seconds, cpuSeconds, items, bytes, maxRssMb }`. */
function measure(phase: Phase, n: number, file: string): void {
  const entries = phase.startsWith('export') ? benchItems(n) : [];
  const input = phase.startsWith('import') ? readFileSync(file) : undefined;
  const cpu = process.cpuUsage();
  const t = process.hrtime.bigint();
  let items = 0;
  let bytes = 0;
  if (phase === 'export-moodle' || phase === 'export-qti') {
    const out = phase === 'export-moodle' ? writeMoodle(entries).output : writeQti(entries).output;
    writeFileSync(file, out);
    items = entries.length;
    bytes = typeof out === 'string' ? Buffer.byteLength(out) : out.length;
  } else {
    const r = phase === 'import-moodle' ? parseMoodle(new TextDecoder().decode(input), { limits }) : parseQti(input!, { limits });
    if (r.problems.some((p) => p.severity === 'error')) throw new Error(`${phase}: ${r.problems.find((p) => p.severity === 'error')!.message}`);
    items = r.entries.length;
    bytes = input!.length;
  }
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ seconds, cpuSeconds: (used.user + used.system) / 1e6, items, bytes, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

const [, , first, second, third] = process.argv;
if (first === '--phase') measure(second as Phase, Number(third), process.env.BENCH_FILE!);
else {
  const n = Number(first ?? 10_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'interchange-bench-'));
  const self = fileURLToPath(import.meta.url);
  const run = (phase: Phase, file: string) => JSON.parse(execFileSync(process.execPath, [...process.execArgv, self, '--phase', phase, String(n)], { env: { ...process.env, BENCH_FILE: file }, encoding: 'utf8' }).trim().split('\n').pop()!) as { seconds: number; cpuSeconds: number; items: number; bytes: number; maxRssMb: number };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US').padStart(7);
  console.log(`interchange benchmark: ${n.toLocaleString('en-US')} items (70% single, 15% multiple, 7.5% ordering, 7.5% matching), Node ${process.version}, 3 runs each, one process per run`);
  try {
    for (const [format, ext] of [['moodle', 'xml'], ['qti', 'zip']] as const) {
      const file = path.join(dir, `bench.${ext}`);
      for (const way of ['export', 'import'] as const) {
        const runs = [0, 1, 2].map(() => run(`${way}-${format}` as Phase, file));
        if (runs.some((r) => r.items !== n)) throw new Error(`${way} ${format}: ${runs.map((r) => r.items).join('/')} items instead of ${n}`);
        const rates = runs.map((r) => n / r.seconds);
        const cpuRates = runs.map((r) => n / r.cpuSeconds);
        console.log(
          `${format.padEnd(6)} ${way}  ${(runs[0]!.bytes / 1048576).toFixed(1).padStart(5)} MB  best ${fmt(Math.max(...rates))} items/s  median ${fmt(median(rates))} items/s  (per CPU-second ${fmt(median(cpuRates))})  peak RSS ${Math.max(...runs.map((r) => r.maxRssMb))} MB`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
