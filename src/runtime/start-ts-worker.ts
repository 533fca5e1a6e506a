import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on a TypeScript module. Workers do not inherit tsx's loader from the main
 * thread, so the worker boots through tsx's ES-module API and imports the module with it.
 */
export function startTsWorker(moduleUrl: URL, workerData: unknown): Worker {
  const require = createRequire(import.meta.url);
  // require.resolve picks the CommonJS build of tsx's API; the worker needs its ES module twin.
  const tsxApi = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => m.tsImport(${JSON.stringify(moduleUrl.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true, workerData });
}
