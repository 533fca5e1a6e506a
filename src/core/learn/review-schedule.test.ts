import { describe, expect, it } from 'vitest';
import { mastery, parseCard, scheduleReview } from './review-schedule.ts';

const t0 = new Date('2026-03-01T10:00:00Z');
const day = 86_400_000;

describe('scheduleReview', () => {
  it('queues an item only once it has been missed', () => {
    expect(scheduleReview(null, true, t0)).toBeNull();
    const card = scheduleReview(null, false, t0)!;
    expect(card.lapses + card.reps).toBeGreaterThan(0);
    expect(card.due.getTime() - t0.getTime()).toBeLessThan(day);
  });
  it('pushes the next review further out after right answers, and back after a miss', () => {
    let card = scheduleReview(null, false, t0)!;
    let now = card.due;
    card = scheduleReview(card, true, now)!;
    now = card.due;
    card = scheduleReview(card, true, now)!;
    const firstGap = card.due.getTime() - now.getTime();
    now = card.due;
    card = scheduleReview(card, true, now)!;
    const longGap = card.due.getTime() - now.getTime();
    expect(firstGap).toBeGreaterThanOrEqual(day);
    expect(longGap).toBeGreaterThan(firstGap);
    const missed = scheduleReview(card, false, card.due)!;
    expect(missed.due.getTime() - card.due.getTime()).toBeLessThan(longGap);
    expect(missed.lapses).toBe(card.lapses + 1);
  });
  it('survives a JSON round trip', () => {
    const card = scheduleReview(null, false, t0)!;
    const back = parseCard(JSON.stringify(card));
    expect(back.due.getTime()).toBe(card.due.getTime());
    expect(scheduleReview(back, true, back.due)!.due.getTime()).toBe(scheduleReview(card, true, card.due)!.due.getTime());
  });
});

describe('mastery', () => {
  it('uses a Beta(1,1) prior', () => {
    expect(mastery(0, 0)).toBe(0.5);
    expect(mastery(8, 8)).toBe(0.9);
    expect(mastery(0, 2)).toBe(0.25);
  });
});
