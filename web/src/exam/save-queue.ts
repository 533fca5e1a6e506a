import type { Answer, SaveAck, SaveAnswer, SavedAnswer } from '../../../src/core/api/contracts.ts';
import { ApiRequestError } from '../api/api-client.ts';

/** What the candidate has given for one item: what an autosave carries. */
export interface ItemState {
  answer: Answer | null;
  flagged: boolean;
  struck: string[];
}

export type SaveStatus = 'saved' | 'saving' | 'retrying' | 'failed';

/**
 * What is not yet acknowledged for one item: the request in flight (re-sent as is, same tab and
 * seq) and the latest change queued behind it. Kept in sessionStorage so a reload loses nothing.
 */
export interface OutboxEntry {
  position: number;
  sending?: SaveAnswer | undefined;
  next?: ItemState | undefined;
}

export interface SaveQueueOptions {
  /** Random id of this browser tab; with `seq`, the idempotency key of a save. */
  tab: string;
  /** The tab's next sequence number (strictly increasing, kept across reloads of the tab). */
  nextSeq: () => number;
  send: (position: number, body: SaveAnswer) => Promise<SaveAck>;
  /** Waits before a retry; injected so tests run without real time. */
  wait: (ms: number) => Promise<void>;
  onAck?: (position: number, ack: SaveAck) => void;
  /** Another tab changed the item: the server's current answer replaces ours. */
  onStale?: (position: number, current: SavedAnswer | undefined, message: string) => void;
  /** A refusal that retrying cannot fix (deadline passed, item locked, bad request). */
  onFatal?: (position: number, error: ApiRequestError) => void;
  onStatus?: (status: SaveStatus) => void;
  /** Called whenever the unacknowledged changes change, to keep them across a reload. */
  onOutbox?: (entries: OutboxEntry[]) => void;
}

/**
 * Retry delay after the n-th failure (n from 0): 0.5 s doubling, capped at 15 s,
 * delay(n) = min(500 * 2^n, 15000).
 */
export function backoff(n: number): number {
  return Math.min(500 * 2 ** n, 15_000);
}

/**
 * Autosave, one lane per item. Changes to an item queue up and only the latest is sent (latest
 * wins); an item has at most one request in flight, so saves of an item reach the server in order.
 * A request that fails in transit is re-sent unchanged, with the same tab and seq, so the server
 * can recognise a save it already applied and answer with the same acknowledgement. An item's
 * change counts as saved only once the server acknowledges it.
 */
export class SaveQueue {
  private readonly revisions = new Map<number, number>();
  private readonly pending = new Map<number, ItemState>();
  private readonly sending = new Map<number, SaveAnswer>();
  private readonly running = new Map<number, Promise<void>>();
  private readonly retrying = new Set<number>();
  private lastError: ApiRequestError | null = null;
  private statusNow: SaveStatus = 'saved';

  constructor(private readonly opts: SaveQueueOptions) {}

  /** The revision the server last reported for an item (from the attempt view or an ack). */
  setRevision(position: number, revision: number): void {
    this.revisions.set(position, revision);
  }

  revision(position: number): number {
    return this.revisions.get(position) ?? 0;
  }

  get status(): SaveStatus {
    return this.statusNow;
  }

  get error(): ApiRequestError | null {
    return this.lastError;
  }

  /** True while some change is not yet acknowledged. */
  get busy(): boolean {
    return this.pending.size > 0 || this.running.size > 0;
  }

  enqueue(position: number, state: ItemState): void {
    this.pending.set(position, { answer: state.answer, flagged: state.flagged, struck: [...state.struck] });
    this.lastError = null;
    this.start(position);
    this.emit();
  }

  /**
   * Picks up what a previous page load left unacknowledged: each request in flight is re-sent
   * unchanged (the server answers a duplicate with its first acknowledgement), then the latest change.
   */
  restore(entries: OutboxEntry[]): void {
    for (const e of entries) {
      if (e.next) this.pending.set(e.position, e.next);
      if (this.running.has(e.position)) continue;
      this.start(e.position, e.sending);
    }
    this.emit();
  }

  /** The unacknowledged changes, item by item. */
  outbox(): OutboxEntry[] {
    const positions = new Set([...this.sending.keys(), ...this.pending.keys()]);
    return [...positions].sort((a, b) => a - b).map((position) => ({ position, sending: this.sending.get(position), next: this.pending.get(position) }));
  }

  private start(position: number, first?: SaveAnswer): void {
    if (this.running.has(position)) return;
    const run = this.drain(position, first).finally(() => {
      this.running.delete(position);
      this.emit();
    });
    this.running.set(position, run);
  }

  /** Resolves once every queued change has been acknowledged or refused. */
  async flush(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  private async drain(position: number, first?: SaveAnswer): Promise<void> {
    if (first) await this.sendWithRetry(position, first);
    // Let synchronous bursts of changes (typing, quick clicks) collapse into one request.
    await Promise.resolve();
    for (let state = this.pending.get(position); state; state = this.pending.get(position)) {
      this.pending.delete(position);
      const body: SaveAnswer = { tab: this.opts.tab, seq: this.opts.nextSeq(), baseRevision: this.revision(position), ...state };
      await this.sendWithRetry(position, body);
    }
  }

  private async sendWithRetry(position: number, body: SaveAnswer): Promise<void> {
    this.sending.set(position, body);
    this.persist();
    try {
      await this.sendUntilAnswered(position, body);
    } finally {
      this.sending.delete(position);
      this.persist();
    }
  }

  private async sendUntilAnswered(position: number, body: SaveAnswer): Promise<void> {
    for (let failures = 0; ; failures++) {
      try {
        const ack = await this.opts.send(position, body);
        this.retrying.delete(position);
        this.revisions.set(position, ack.revision);
        this.opts.onAck?.(position, ack);
        return;
      } catch (err) {
        const error = err instanceof ApiRequestError ? err : new ApiRequestError(0, 'network', err instanceof Error ? err.message : String(err));
        if (error.transient) {
          this.retrying.add(position);
          this.emit();
          await this.opts.wait(backoff(failures));
          continue;
        }
        this.retrying.delete(position);
        // What is still queued for this item was based on a state the server refused: drop it.
        this.pending.delete(position);
        if (error.code === 'stale') {
          const current = (error.details as { current?: SavedAnswer } | undefined)?.current;
          if (current) this.revisions.set(position, current.revision);
          this.opts.onStale?.(position, current, error.message);
        } else {
          this.lastError = error;
          this.opts.onFatal?.(position, error);
        }
        return;
      }
    }
  }

  private persist(): void {
    this.opts.onOutbox?.(this.outbox());
  }

  private emit(): void {
    this.persist();
    const next: SaveStatus =
      this.retrying.size > 0 ? 'retrying' : this.busy ? 'saving' : this.lastError ? 'failed' : 'saved';
    if (next !== this.statusNow) {
      this.statusNow = next;
      this.opts.onStatus?.(next);
    }
  }
}
