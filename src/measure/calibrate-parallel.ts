import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../runtime/start-ts-worker.ts';
import { calibrationSteps, type CalibrationOptions, type CalibrationResult, type EStepRequest } from '../core/measure/calibrate.ts';
import { eStep, emptyCounts, type EStepCounts, type EStepTables } from '../core/measure/e-step.ts';
import type { PatternSet } from '../core/measure/pattern-set.ts';
import type { ResponseMatrix } from '../core/measure/response-matrix.ts';
import type { WorkerSetup } from './e-step-worker.ts';

export interface ParallelCalibrationOptions extends CalibrationOptions {
  /** Threads for the E-step, this one included; default: the machine's available parallelism. */
  threads?: number;
  /**
   * Work below which one thread is faster than starting workers (about 0.2-0.4 s each, as they load
   * the TypeScript loader): answered cells after collapsing patterns, or pattern x 8-item chunks for
   * dense data. Default 400,000.
   */
  minCellsForThreads?: number;
  /** Called before every E-step: iteration count so far, last log-likelihood and largest parameter change. */
  onProgress?: (p: { iteration: number; logLik: number; change: number }) => void;
}

/**
 * Calibrates like core `calibrate`, but splits each E-step over worker threads when the data are large:
 * the patterns are copied once into shared memory, this thread takes the first slice and each worker
 * one of the others, and the counts are summed. EM is unchanged, so the result equals the
 * single-threaded one up to floating-point summation order.
 */
export async function calibrateParallel(data: ResponseMatrix, options: ParallelCalibrationOptions): Promise<CalibrationResult & { threads: number }> {
  const steps = calibrationSteps(data, options);
  let next = steps.next(emptyCounts(0, 0));
  if (next.done) return { ...next.value, threads: 1 };
  const pat = next.value.patterns;
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  const cells = pat.dense ? pat.codes.length : pat.items.length;
  const useWorkers = threads > 1 && cells >= (options.minCellsForThreads ?? 400_000) && pat.nPatterns >= threads * 8;
  const pool = useWorkers ? await startPool(pat, next.value.tables, threads) : null;
  try {
    const local = emptyCounts(pat.nItems, next.value.tables.nQuad, pat.dense);
    while (!next.done) {
      const req: EStepRequest = next.value;
      options.onProgress?.({ iteration: req.iteration, logLik: req.lastLogLik, change: req.lastChange });
      zero(local);
      if (pool) await pool.run(req.tables, local);
      else eStep(pat, req.tables, 0, pat.nPatterns, local);
      next = steps.next(local);
    }
    return { ...next.value, threads: pool ? threads : 1 };
  } finally {
    await pool?.close();
  }
}

function zero(c: EStepCounts): void {
  c.right.fill(0);
  c.wrong.fill(0);
  c.total.fill(0);
  c.chunkPost.fill(0);
  c.logLik = 0;
}

function shared<T extends Float64Array | Int32Array | Uint8Array>(a: T): T {
  const ctor = a.constructor as { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number };
  const out = new ctor(new SharedArrayBuffer(Math.max(1, a.length) * ctor.BYTES_PER_ELEMENT));
  out.set(a);
  return (a.length === 0 ? out.subarray(0, 0) : out) as T;
}

function sharedTables(t: EStepTables): EStepTables {
  return { nQuad: t.nQuad, logPrior: shared(t.logPrior), logP: shared(t.logP), logQ: shared(t.logQ), diff: shared(t.diff), base: shared(t.base), chunkSum: shared(t.chunkSum) };
}

function sharedCounts(c: EStepCounts): EStepCounts {
  return { right: shared(c.right), wrong: shared(c.wrong), total: shared(c.total), chunkPost: shared(c.chunkPost), logLik: 0 };
}

/**
 * Slice boundaries with about equal work: work of a pattern is its answered cells (sparse) or its
 * chunks (dense, all equal), so split by cumulative cells.
 */
function sliceBounds(pat: PatternSet, parts: number): number[] {
  const bounds = [0];
  const total = pat.start[pat.nPatterns]!;
  let p = 0;
  for (let s = 1; s < parts; s++) {
    const target = (total * s) / parts;
    while (p < pat.nPatterns && pat.start[p]! < target) p++;
    bounds.push(p);
  }
  bounds.push(pat.nPatterns);
  return bounds;
}

const workerUrl = new URL('./e-step-worker.ts', import.meta.url);

function spawn(setup: WorkerSetup): Worker {
  return startTsWorker(workerUrl, setup);
}

interface Pool {
  run(tables: EStepTables, into: EStepCounts): Promise<void>;
  close(): Promise<void>;
}

async function startPool(pat: PatternSet, tables0: EStepTables, threads: number): Promise<Pool> {
  const sp: PatternSet = { ...pat, start: shared(pat.start), split: shared(pat.split), items: shared(pat.items), weight: shared(pat.weight), codes: shared(pat.codes), window: shared(pat.window) };
  const st = sharedTables(tables0);
  const bounds = sliceBounds(pat, threads);
  const workers: { worker: Worker; counts: EStepCounts; pending: ((v: number) => void) | null; fail: ((e: Error) => void) | null }[] = [];
  const ready: Promise<void>[] = [];
  for (let w = 1; w < threads; w++) {
    const counts = sharedCounts(emptyCounts(pat.nItems, st.nQuad, pat.dense));
    const worker = spawn({ patterns: sp, tables: st, counts, from: bounds[w]!, to: bounds[w + 1]! });
    const entry = { worker, counts, pending: null as ((v: number) => void) | null, fail: null as ((e: Error) => void) | null };
    workers.push(entry);
    ready.push(
      new Promise<void>((resolve, reject) => {
        worker.on('message', (m: unknown) => {
          if (m === 'ready') return resolve();
          const done = entry.pending;
          entry.pending = entry.fail = null;
          done?.(m as number);
        });
        worker.on('error', (e) => {
          reject(e);
          entry.fail?.(e);
        });
        worker.on('exit', (code) => {
          if (code !== 0) {
            const e = new Error(`calibration worker stopped with exit code ${code}`);
            reject(e);
            entry.fail?.(e);
          }
        });
      }),
    );
  }
  try {
    await Promise.all(ready);
  } catch (e) {
    await Promise.all(workers.map((w) => w.worker.terminate()));
    throw e;
  }
  return {
    async run(tables, into) {
      st.logP.set(tables.logP);
      st.logQ.set(tables.logQ);
      st.diff.set(tables.diff);
      st.base.set(tables.base);
      st.logPrior.set(tables.logPrior);
      st.chunkSum.set(tables.chunkSum);
      const results = workers.map(
        (w) =>
          new Promise<number>((resolve, reject) => {
            w.pending = resolve;
            w.fail = reject;
            w.worker.postMessage('run');
          }),
      );
      eStep(sp, st, bounds[0]!, bounds[1]!, into);
      const lls = await Promise.all(results);
      for (let i = 0; i < workers.length; i++) {
        const c = workers[i]!.counts;
        add(into.right, c.right);
        add(into.wrong, c.wrong);
        add(into.total, c.total);
        add(into.chunkPost, c.chunkPost);
        into.logLik += lls[i]!;
      }
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

function add(into: Float64Array, from: Float64Array): void {
  for (let k = 0; k < into.length; k++) into[k]! += from[k]!;
}
