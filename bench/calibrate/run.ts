/**
 * Calibration benchmark: 2PL on simulated data, timed inside the process (data generation excluded),
 * with peak memory and recovery RMSE of a and d against the generating values.
 *
 *   npx tsx bench/calibrate/run.ts            all cases, each in its own child process (own peak RSS)
 *   npx tsx bench/calibrate/run.ts dense-5k   one case
 *
 * Targets (10x R mirt on this 2-core machine): dense 5,000 x 60 <= 0.26 s, dense 50,000 x 200
 * <= 9.6 s with RMSE(a), RMSE(d) <= 0.02, sparse 100,000 x 1,000 (65 answered each) under 1 GB.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mulberry32, normal, simulateResponses } from '../../src/core/measure/simulate-responses.ts';
import { calibrateParallel } from '../../src/measure/calibrate-parallel.ts';

interface Case {
  name: string;
  persons: number;
  items: number;
  answered?: number;
  runs: number;
  threads: number[];
}

const CASES: Case[] = [
  { name: 'dense-5k', persons: 5_000, items: 60, runs: 3, threads: [1, 2] },
  { name: 'dense-50k', persons: 50_000, items: 200, runs: 3, threads: [1, 2] },
  { name: 'sparse-100k', persons: 100_000, items: 1_000, answered: 65, runs: 3, threads: [2] },
];

async function runCase(c: Case): Promise<void> {
  const rng = mulberry32(20261122);
  const truth = Array.from({ length: c.items }, () => ({ a: Math.exp(0.3 * normal(rng)), d: normal(rng) }));
  const sim = simulateResponses(truth, c.persons, rng, c.answered ? { answeredPerPerson: c.answered } : {});
  for (const threads of c.threads) {
    const times: number[] = [];
    const cpu: number[] = [];
    let last;
    for (let r = 0; r < c.runs; r++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      last = await calibrateParallel(sim.data, { model: '2pl', threads });
      times.push((performance.now() - t0) / 1000);
      // CPU time of every thread of the process: shows the work apart from waiting on a busy machine.
      const used = process.cpuUsage(c0);
      cpu.push((used.user + used.system) / 1e6);
    }
    const res = last!;
    const rmse = (f: (j: number) => number) => Math.sqrt(truth.reduce((s, _, j) => s + f(j) ** 2, 0) / truth.length);
    const rmseA = rmse((j) => res.items[j]!.a - truth[j]!.a);
    const rmseD = rmse((j) => res.items[j]!.d - truth[j]!.d);
    const sorted = [...times].sort((x, y) => x - y);
    console.log(
      JSON.stringify({
        case: c.name,
        design: `${c.persons} x ${c.items}${c.answered ? ` (${c.answered} answered each)` : ''}`,
        threadsRequested: threads,
        threadsUsed: res.threads,
        runsSeconds: times.map((t) => Number(t.toFixed(3))),
        medianSeconds: Number(sorted[Math.floor(sorted.length / 2)]!.toFixed(3)),
        medianCpuSeconds: Number([...cpu].sort((x, y) => x - y)[Math.floor(cpu.length / 2)]!.toFixed(3)),
        emSteps: res.iterations,
        converged: res.converged,
        logLik: Number(res.logLik.toFixed(3)),
        rmseA: Number(rmseA.toFixed(4)),
        rmseD: Number(rmseD.toFixed(4)),
        maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
  }
}

const only = process.argv[2];
if (only) {
  const c = CASES.find((x) => x.name === only);
  if (!c) throw new Error(`unknown case "${only}"; cases: ${CASES.map((x) => x.name).join(', ')}`);
  await runCase(c);
} else {
  const self = fileURLToPath(import.meta.url);
  for (const c of CASES) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, c.name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) throw new Error(`case ${c.name} failed with exit code ${r.status}`);
    for (const line of r.stdout.trim().split('\n')) {
      const x = JSON.parse(line);
      console.log(
        `${x.case.padEnd(12)} ${x.design.padEnd(36)} threads ${x.threadsRequested}${x.threadsUsed !== x.threadsRequested ? ` (used ${x.threadsUsed}: small data)` : ''}  median ${x.medianSeconds.toFixed(3)} s  (runs ${x.runsSeconds.join(', ')}; CPU ${x.medianCpuSeconds} s)  ` +
          `EM steps ${x.emSteps}${x.converged ? '' : ' NOT converged'}  RMSE a ${x.rmseA}  RMSE d ${x.rmseD}  peak RSS ${x.maxRssMB} MB`,
      );
    }
  }
}
