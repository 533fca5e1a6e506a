import { describe, expect, it } from 'vitest';
import type { BankEntry } from '../items/item-schema.ts';
import { answerKeyOf, calibrationSample, type StoredResponse } from './calibration-sample.ts';

const row = (over: Partial<StoredResponse>): StoredResponse => ({ userId: 'u1', itemId: 'q1', key: 'k', correct: true, answeredMs: 1, withoutFeedback: true, afterReveal: false, ...over });
const keys = new Map([
  ['q1', 'k'],
  ['q2', 'k2'],
]);

describe('calibrationSample', () => {
  it('makes one person of a user, whatever the number of attempts', () => {
    const s = calibrationSample([row({ answeredMs: 1 }), row({ itemId: 'q2', key: 'k2', answeredMs: 2 })], (id) => keys.get(id));
    expect(s.persons).toBe(1);
    expect(s.responses).toEqual([
      { person: 'u1', item: 'q1', score: 1 },
      { person: 'u1', item: 'q2', score: 1 },
    ]);
  });

  it('keeps only the first response to an item, even when stored out of order', () => {
    const s = calibrationSample([row({ answeredMs: 50, correct: true }), row({ answeredMs: 10, correct: false }), row({ answeredMs: 90, correct: true })], (id) => keys.get(id));
    expect(s.responses).toEqual([{ person: 'u1', item: 'q1', score: 0 }]);
    expect(s.leftOut.repeat).toBe(2);
  });

  it('uses no response when the first was given with feedback or after the key was seen', () => {
    const s = calibrationSample(
      [row({ userId: 'a', answeredMs: 1, withoutFeedback: false }), row({ userId: 'a', answeredMs: 2 }), row({ userId: 'b', afterReveal: true })],
      (id) => keys.get(id),
    );
    expect(s.responses).toEqual([]);
    expect(s.persons).toBe(0);
    expect(s.leftOut).toEqual({ otherKey: 0, repeat: 1, withFeedback: 1, afterReveal: 1 });
  });

  it('does not pool responses to a version with another key: a corrected key starts a new item', () => {
    const s = calibrationSample([row({ userId: 'a', key: 'old' }), row({ userId: 'b', key: 'k' }), row({ userId: 'c', itemId: 'gone', key: 'x' })], (id) => keys.get(id));
    expect(s.responses).toEqual([{ person: 'b', item: 'q1', score: 1 }]);
    expect(s.leftOut.otherKey).toBe(2);
  });
});

describe('answerKeyOf', () => {
  const option = (id: string, correct: boolean) => ({ id, text: `option ${id}`, correct });
  const single = { id: 'q1', type: 'single', stem: 'Which one?', options: [option('a', false), option('b', true), option('c', false), option('d', false)] } as unknown as BankEntry;
  it('names the correct options, and changes when the key does but not when wording does', () => {
    expect(answerKeyOf(single, 'q1')).toBe('single:b');
    const reworded = { ...single, stem: 'Which one, exactly?' } as BankEntry;
    expect(answerKeyOf(reworded, 'q1')).toBe('single:b');
    const rekeyed = { ...single, options: [option('a', true), option('b', false), option('c', false), option('d', false)] } as unknown as BankEntry;
    expect(answerKeyOf(rekeyed, 'q1')).toBe('single:a');
    expect(answerKeyOf(single, 'other')).toBeUndefined();
  });
});
