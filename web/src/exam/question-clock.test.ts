import { describe, expect, it } from 'vitest';
import { IDLE_MS, QuestionClock } from './question-clock.ts';

function clockAt(initial: Record<string, number> = {}) {
  const t = { now: 1_000_000 };
  return { t, clock: new QuestionClock(initial, () => t.now) };
}

describe('QuestionClock', () => {
  it('counts each question while it is on screen, and nothing while none is', () => {
    const { t, clock } = clockAt();
    clock.show(0);
    t.now += 30_000;
    clock.show(1);
    t.now += 10_000;
    clock.show(null); // the review screen
    t.now += 60_000;
    clock.show(0);
    t.now += 5_000;
    expect(clock.total(0)).toBe(35_000);
    expect(clock.total(1)).toBe(10_000);
    expect(clock.pending()).toEqual([
      { position: 0, ms: 35_000 },
      { position: 1, ms: 10_000 },
    ]);
  });

  it('carries on from the times the server had, and sends only what grew since it last acknowledged', () => {
    const { t, clock } = clockAt({ '0': 50_000, '3': 20_000 });
    clock.show(3);
    t.now += 1_000;
    const first = clock.pending();
    expect(first).toEqual([{ position: 3, ms: 21_000 }]);
    clock.acknowledge(first);
    expect(clock.pending()).toEqual([]);
    t.now += 2_000;
    // A send that failed is not acknowledged: its total goes again, grown.
    expect(clock.pending()).toEqual([{ position: 3, ms: 23_000 }]);
    expect(clock.pending()).toEqual([{ position: 3, ms: 23_000 }]);
  });

  it('stops counting after five idle minutes and starts again at the next input', () => {
    const { t, clock } = clockAt();
    clock.show(2);
    t.now += 60_000;
    clock.activity();
    t.now += IDLE_MS + 3_600_000; // left for over an hour
    expect(clock.total(2)).toBe(60_000 + IDLE_MS);
    clock.activity();
    t.now += 15_000;
    expect(clock.total(2)).toBe(60_000 + IDLE_MS + 15_000);
  });
});
