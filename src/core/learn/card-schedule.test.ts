import { describe, expect, it } from 'vitest';
import { dailyQueue, nextDue, scheduleCard } from './card-schedule.ts';

const now = new Date('2026-12-03T09:00:00Z');
const days = (d: Date) => (d.getTime() - now.getTime()) / 86_400_000;

describe('flash card scheduling with the four ratings', () => {
  it('puts a new card further away the easier it was: Again < Hard < Good < Easy', () => {
    const due = nextDue(null, now);
    expect(days(due.again)).toBeLessThan(days(due.hard));
    expect(days(due.hard)).toBeLessThan(days(due.good));
    expect(days(due.good)).toBeLessThan(days(due.easy));
    expect(days(due.again)).toBeLessThan(0.01); // again today, within minutes
    expect(days(due.easy)).toBeGreaterThanOrEqual(1);
  });

  it('grows the interval on each Good, and shrinks it after an Again', () => {
    let card = scheduleCard(null, 'good', now);
    const intervals: number[] = [];
    let t = now;
    for (let i = 0; i < 3; i++) {
      t = card.due;
      const next = scheduleCard(card, 'good', t);
      intervals.push((next.due.getTime() - t.getTime()) / 86_400_000);
      card = next;
    }
    expect(intervals[1]).toBeGreaterThan(intervals[0]!);
    expect(intervals[2]).toBeGreaterThan(intervals[1]!);
    const lapsed = scheduleCard(card, 'again', card.due);
    expect((lapsed.due.getTime() - card.due.getTime()) / 86_400_000).toBeLessThan(intervals[2]!);
    expect(lapsed.lapses).toBe(1);
  });
});

describe('the daily review queue', () => {
  it('takes cards first, then questions, within what is left of the day', () => {
    expect(dailyQueue({ dueCards: 30, dueQuestions: 40, doneToday: 0 })).toEqual({ cards: 30, questions: 20, left: 50 });
    expect(dailyQueue({ dueCards: 30, dueQuestions: 40, doneToday: 45 })).toEqual({ cards: 5, questions: 0, left: 5 });
    expect(dailyQueue({ dueCards: 3, dueQuestions: 4, doneToday: 60 })).toEqual({ cards: 0, questions: 0, left: 0 });
    expect(dailyQueue({ dueCards: 3, dueQuestions: 4, doneToday: 0, limit: 5 })).toEqual({ cards: 3, questions: 2, left: 5 });
  });
});
