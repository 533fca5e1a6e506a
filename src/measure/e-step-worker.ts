/**
 * Worker side of the parallel E-step: owns one slice of the response patterns and, on each request,
 * runs the pure E-step over it against the shared tables, writing its counts into shared memory.
 * Everything it reads and writes lives in SharedArrayBuffers set up once by calibrate-parallel.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { eStep, type EStepCounts, type EStepTables } from '../core/measure/e-step.ts';
import type { PatternSet } from '../core/measure/pattern-set.ts';

export interface WorkerSetup {
  patterns: PatternSet;
  tables: EStepTables;
  counts: EStepCounts;
  from: number;
  to: number;
}

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('e-step-worker: must run as a worker thread');
port.on('message', () => {
  const c = setup.counts;
  c.right.fill(0);
  c.wrong.fill(0);
  c.total.fill(0);
  c.chunkPost.fill(0);
  c.logLik = 0;
  port.postMessage(eStep(setup.patterns, setup.tables, setup.from, setup.to, c));
});
port.postMessage('ready');
