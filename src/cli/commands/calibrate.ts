import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CalibrationResult } from '../../core/measure/calibrate.ts';
import type { IrtModel } from '../../core/measure/item-models.ts';
import { calibrateParallel } from '../../measure/calibrate-parallel.ts';
import { readResponsesCsv, ResponsesCsvError } from '../../measure/read-responses-csv.ts';
import { loadExams } from '../../content/load-exams.ts';
import { calibrateStore } from './calibrate-store.ts';

const MODELS: readonly IrtModel[] = ['rasch', '2pl', '3pl'];
const USAGE =
  'usage: certprep calibrate [--responses FILE.csv | --database URL [--min-persons 200] [--min-responses 100] [--exams content/exams]] [--model rasch|2pl|3pl] [--json] [--tolerance 1e-4] [--max-iterations 500] [--threads N]';

/**
 * `certprep calibrate --responses FILE.csv --model 2pl [--json]`: IRT calibration of a responses file
 * (columns = items with 1 / 0 / empty, optional `freq`). Without --responses it calibrates the bank
 * from the responses in the database and stores the item parameters. Exit 0 when converged, 1 on bad input or
 * when EM did not converge (the estimates are still printed), 2 on bad usage.
 */
export async function calibrate(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        responses: { type: 'string' },
        model: { type: 'string', default: '2pl' },
        json: { type: 'boolean', default: false },
        tolerance: { type: 'string' },
        'max-iterations': { type: 'string' },
        threads: { type: 'string' },
        database: { type: 'string' },
        'min-persons': { type: 'string' },
        'min-responses': { type: 'string' },
        exams: { type: 'string' },
      },
    }));
  } catch (e) {
    console.error(`certprep calibrate: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const problems: string[] = [];
  const model = values.model as IrtModel;
  if (!MODELS.includes(model)) problems.push(`--model must be one of ${MODELS.join(', ')}, got "${values.model}"`);
  const num = (flag: string, v: string | undefined, ok: (n: number) => boolean) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!ok(n)) problems.push(`--${flag}: invalid value "${v}"`);
    return n;
  };
  const tolerance = num('tolerance', values.tolerance, (n) => n > 0);
  const maxIterations = num('max-iterations', values['max-iterations'], (n) => Number.isInteger(n) && n > 0);
  const threads = num('threads', values.threads, (n) => Number.isInteger(n) && n > 0);
  const minPersons = num('min-persons', values['min-persons'], (n) => Number.isInteger(n) && n >= 2);
  const minResponses = num('min-responses', values['min-responses'], (n) => Number.isInteger(n) && n >= 2);
  if (values.responses && (minPersons !== undefined || minResponses !== undefined)) problems.push('--min-persons and --min-responses apply to calibrating the database, not a responses file');
  if (problems.length > 0) {
    console.error(`certprep calibrate: ${problems.join('; ')}\n${USAGE}`);
    return 2;
  }
  const tty = process.stderr.isTTY === true;
  const progress = values.json ? undefined : progressLine(tty, tolerance ?? 1e-4);
  const fitOptions = {
    ...(tolerance !== undefined ? { tolerance } : {}),
    ...(maxIterations !== undefined ? { maxIterations } : {}),
    ...(threads !== undefined ? { threads } : {}),
    ...(progress ? { onProgress: progress } : {}),
  };
  if (!values.responses) {
    const rules = { ...(minPersons !== undefined ? { minPersons } : {}), ...(minResponses !== undefined ? { minResponses } : {}) };
    // The exams' reference forms are frozen with the calibration (none found: the server keeps using the current ones).
    const exams = ((await loadExams(values.exams ?? path.join('content', 'exams'))) ?? []).map((e) => e.exam);
    const run = await calibrateStore(values.database, model, { ...fitOptions, rules, exams });
    if (run.result?.converged) progress?.({ iteration: run.result.iterations, logLik: run.result.logLik, change: tolerance ?? 1e-4 });
    if (!values.json && tty) process.stderr.write('\n');
    if (values.json) {
      console.log(JSON.stringify({ ...(run.result ? toJson(run.result) : {}), stored: run.stored, sample: run.sample ?? null, leftOut: run.admission?.leftOut ?? [], warnings: run.admission?.warnings ?? [] }, null, 2));
    } else {
      if (run.result) console.log(table(run.result));
      if (run.sample) {
        const l = run.sample.leftOut;
        console.log(`sample: ${run.sample.responses.length} responses of ${run.sample.persons} persons; left out ${l.repeat} repeats, ${l.withFeedback} first answers given with feedback, ${l.afterReveal} after the key was seen, ${l.otherKey} to another key`);
      }
      for (const x of run.admission?.leftOut ?? []) console.log(`left provisional: ${x.id} (${x.reason}; ${x.responses} responses)`);
      for (const w of run.admission?.warnings ?? []) console.log(`warning: ${w}`);
    }
    (run.stored ? console.log : console.error)(`certprep calibrate: ${run.message}`);
    return run.stored ? 0 : 1;
  }
  const file = values.responses;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    console.error(`certprep calibrate: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 1;
  }
  let data;
  try {
    data = readResponsesCsv(text, file);
  } catch (e) {
    if (e instanceof ResponsesCsvError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
  const result = await calibrateParallel(data, { model, ...fitOptions });
  if (result.converged) progress?.({ iteration: result.iterations, logLik: result.logLik, change: tolerance ?? 1e-4 });
  if (!values.json && tty) process.stderr.write('\n');
  if (values.json) console.log(JSON.stringify(toJson(result), null, 2));
  else console.log(table(result));
  if (!result.converged) console.error(`certprep calibrate: not converged: ${result.reason}`);
  return result.converged ? 0 : 1;
}

/**
 * EM progress on stderr as a bar: EM's largest parameter change falls roughly geometrically, so the
 * share done is log(change) / log(tolerance) (0 at a change of 1, full at the tolerance). One updating
 * line on a terminal, one line per step otherwise.
 */
export function progressLine(tty: boolean, tolerance: number) {
  return ({ iteration, logLik, change }: { iteration: number; logLik: number; change: number }) => {
    if (iteration === 0) return;
    const done = Math.min(1, Math.max(0, Math.log(Math.max(change, 1e-300)) / Math.log(tolerance)));
    const bar = '#'.repeat(Math.round(done * 20)).padEnd(20, '.');
    const line = `calibrating [${bar}] ${Math.round(done * 100)}%  EM step ${iteration}, logLik ${logLik.toFixed(3)}, largest change ${change.toExponential(1)} (target ${tolerance.toExponential(0)})`;
    process.stderr.write(tty ? `\r${line}` : `${line}\n`);
  };
}

function toJson(r: CalibrationResult) {
  return {
    items: r.items.map((i) => ({ id: i.id, a: i.a, d: i.d, b: i.b, ...(r.model === '3pl' ? { c: i.c } : {}) })),
    logLik: r.logLik,
    iterations: r.iterations,
    converged: r.converged,
    ...(r.model === 'rasch' ? { thetaSd: r.thetaSd } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.excluded.length > 0 ? { excluded: r.excluded } : {}),
  };
}

function table(r: CalibrationResult): string {
  const cols = ['item', 'a', 'd', 'b', ...(r.model === '3pl' ? ['c'] : []), 'n', 'p', 'warnings'];
  const rows = r.items.map((i) => [i.id, f(i.a), f(i.d), f(i.b), ...(r.model === '3pl' ? [f(i.c!)] : []), String(i.responses), i.pRight.toFixed(3), i.warnings.join('; ')]);
  const widths = cols.map((c, k) => Math.max(c.length, ...rows.map((row) => row[k]!.length)));
  const line = (cells: string[]) => cells.map((c, k) => (k === 0 || k === cells.length - 1 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ').trimEnd();
  const out = [line(cols), ...rows.map(line)];
  for (const e of r.excluded) out.push(`${e.id}: not calibrated (${e.reason}, ${e.responses} responses)`);
  out.push('');
  out.push(`model ${r.model}, ${r.persons} persons in ${r.patterns} distinct patterns, logLik ${r.logLik.toFixed(3)}, ${r.iterations} EM steps, ${r.converged ? 'converged' : `NOT converged (${r.reason})`}`);
  if (r.thetaSd !== undefined) out.push(`theta SD ${f(r.thetaSd)}`);
  if (r.droppedPersons > 0) out.push(`${r.droppedPersons} persons answered no calibrated item and were left out`);
  return out.join('\n');
}

const f = (x: number) => x.toFixed(4);
