import type { AnswerWrite, BatchCommit, BatchOutcome } from '../../db/repositories/answers.ts';

export type SaveOutcome = BatchOutcome;

interface Pending {
  write: AnswerWrite;
  resolve: (o: SaveOutcome) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit for autosave. Saves that arrive while a commit is under way wait and go together in
 * the next transaction: one transaction, one fsync, many answers. A save is acknowledged (its promise
 * resolves) only after its transaction has committed, so an acknowledged answer is durable.
 *
 * With one fsync at a time, throughput is batch size / commit time, and batches grow with load.
 */
export class AnswerWriter {
  private queue: Pending[] = [];
  private running = false;
  private scheduled = false;
  /** Batches committed and saves in them, for the benchmark and the logs. */
  readonly stats = { batches: 0, saves: 0, maxBatch: 0 };

  /** Told of every committed batch: its size and how long its commit took (the metrics). */
  onBatch: (size: number, seconds: number) => void = () => {};

  constructor(
    private readonly commit: BatchCommit,
    private readonly maxBatch = 2000,
  ) {}

  save(write: AnswerWrite): Promise<SaveOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      if (!this.running && !this.scheduled) {
        this.scheduled = true;
        // Let the requests already read from the sockets in this turn join the batch.
        setImmediate(() => void this.drain());
      }
    });
  }

  /** Resolves once everything queued so far is committed (used at shutdown). */
  async flush(): Promise<void> {
    while (this.queue.length > 0 || this.running) await new Promise((r) => setTimeout(r, 2));
  }

  private async drain(): Promise<void> {
    this.scheduled = false;
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const started = performance.now();
          const outcomes = await this.commit(batch.map((p) => p.write));
          this.onBatch(batch.length, (performance.now() - started) / 1000);
          this.stats.batches++;
          this.stats.saves += batch.length;
          this.stats.maxBatch = Math.max(this.stats.maxBatch, batch.length);
          batch.forEach((p, i) => p.resolve(outcomes[i]!));
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
