import { describe, expect, it } from 'vitest';
import type { SaveAck, SaveAnswer } from '../../../src/core/api/contracts.ts';
import { ApiRequestError } from '../api/api-client.ts';
import { backoff, SaveQueue, type SaveStatus } from './save-queue.ts';

/** A fake server: records every request and answers from a script, one entry per call. */
function harness(script: Array<'ok' | ApiRequestError> = [], opts: { hang?: boolean } = {}) {
  const calls: Array<{ position: number; body: SaveAnswer }> = [];
  const waits: number[] = [];
  const statuses: SaveStatus[] = [];
  const acks: SaveAck[] = [];
  const stale: Array<{ position: number; message: string }> = [];
  const fatal: ApiRequestError[] = [];
  let seq = 0;
  let revision = 0;
  const queue = new SaveQueue({
    tab: 'tab-12345678',
    nextSeq: () => ++seq,
    send: async (position, body) => {
      calls.push({ position, body: structuredClone(body) });
      const step = script.shift() ?? 'ok';
      if (step !== 'ok') throw step;
      revision += 1;
      return { position, revision, savedAt: '2026-01-01T00:00:00.000Z' };
    },
    wait: async (ms) => {
      waits.push(ms);
      // A page being closed: the retry never comes.
      if (opts.hang) await new Promise(() => {});
    },
    onAck: (_p, ack) => acks.push(ack),
    onStale: (position, _current, message) => stale.push({ position, message }),
    onFatal: (_p, e) => fatal.push(e),
    onStatus: (s) => statuses.push(s),
  });
  return { queue, calls, waits, statuses, acks, stale, fatal };
}

const state = (choice: string) => ({ answer: { choice }, flagged: false, struck: [] });

describe('SaveQueue', () => {
  it('sends only the latest of a burst of changes to one item', async () => {
    const h = harness();
    h.queue.enqueue(1, state('a'));
    h.queue.enqueue(1, state('b'));
    h.queue.enqueue(1, state('c'));
    await h.queue.flush();
    expect(h.calls.map((c) => c.body.answer)).toEqual([{ choice: 'c' }]);
    expect(h.queue.status).toBe('saved');
    expect(h.statuses).toEqual(['saving', 'saved']);
  });

  it('keeps one request in flight per item and bases the next on the acknowledged revision', async () => {
    const h = harness();
    h.queue.setRevision(2, 7);
    h.queue.enqueue(2, state('a'));
    await Promise.resolve();
    await Promise.resolve();
    h.queue.enqueue(2, state('b'));
    await h.queue.flush();
    expect(h.calls.map((c) => [c.body.answer, c.body.baseRevision, c.body.seq])).toEqual([
      [{ choice: 'a' }, 7, 1],
      [{ choice: 'b' }, 1, 2],
    ]);
  });

  it('re-sends a failed request unchanged (same tab and seq) with growing delays', async () => {
    const net = new ApiRequestError(0, 'network', 'offline');
    const h = harness([net, new ApiRequestError(503, 'unavailable', 'busy'), 'ok']);
    h.queue.enqueue(3, state('d'));
    await h.queue.flush();
    expect(h.calls).toHaveLength(3);
    expect(new Set(h.calls.map((c) => `${c.body.tab}#${c.body.seq}`)).size).toBe(1);
    expect(h.waits).toEqual([500, 1000]);
    expect(h.statuses).toEqual(['saving', 'retrying', 'saved']);
    expect(h.acks).toHaveLength(1);
  });

  it('takes the server answer on a stale revision and drops what was queued on top of it', async () => {
    const current = { answer: { choice: 'z' }, flagged: true, struck: [], revision: 9 };
    const h = harness([new ApiRequestError(409, 'stale', 'changed elsewhere', { current })]);
    h.queue.enqueue(4, state('a'));
    await h.queue.flush();
    expect(h.stale).toEqual([{ position: 4, message: 'changed elsewhere' }]);
    expect(h.queue.revision(4)).toBe(9);
    expect(h.queue.status).toBe('saved');
  });

  it('reports a refusal that retrying cannot fix and does not retry it', async () => {
    const h = harness([new ApiRequestError(409, 'deadline-passed', 'the deadline has passed')]);
    h.queue.enqueue(5, state('a'));
    await h.queue.flush();
    expect(h.calls).toHaveLength(1);
    expect(h.fatal.map((e) => e.code)).toEqual(['deadline-passed']);
    expect(h.queue.status).toBe('failed');
  });

  it('caps the backoff at 15 seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(backoff)).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000]);
  });
});

describe('SaveQueue outbox', () => {
  it('lists what is unacknowledged and, restored after a reload, re-sends it with the same tab and seq', async () => {
    const net = new ApiRequestError(0, 'network', 'offline');
    const first = harness([net], { hang: true });
    let snapshot: ReturnType<SaveQueue['outbox']> = [];
    first.queue.enqueue(6, state('a'));
    await Promise.resolve();
    await Promise.resolve();
    first.queue.enqueue(6, state('b'));
    // Let the first request fail a few times, as a page about to be closed would see.
    for (let i = 0; i < 10; i++) await Promise.resolve();
    snapshot = first.queue.outbox();
    expect(snapshot).toHaveLength(1);
    expect(snapshot[0]?.sending?.answer).toEqual({ choice: 'a' });
    expect(snapshot[0]?.next?.answer).toEqual({ choice: 'b' });

    const second = harness();
    second.queue.restore(JSON.parse(JSON.stringify(snapshot)));
    await second.queue.flush();
    expect(second.calls.map((c) => [c.body.tab, c.body.seq, c.body.answer])).toEqual([
      ['tab-12345678', snapshot[0]?.sending?.seq, { choice: 'a' }],
      ['tab-12345678', 1, { choice: 'b' }],
    ]);
    expect(second.queue.outbox()).toEqual([]);
  });
});
