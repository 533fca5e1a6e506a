import { describe, expect, it } from 'vitest';
import type { PresentedItem } from '../../../src/core/api/contracts.ts';
import { currentOrder, isAnswered, move } from './answer-state.ts';

const ordering: PresentedItem = { position: 1, type: 'ordering', stem: 's', steps: [{ id: 'x', text: 'X' }, { id: 'y', text: 'Y' }, { id: 'z', text: 'Z' }] };
const matching: PresentedItem = { position: 2, type: 'matching', stem: 's', prompts: [{ id: 'p', text: 'P' }, { id: 'q', text: 'Q' }], responses: [{ id: 'r', text: 'R' }, { id: 's', text: 'S' }] };

describe('answer state', () => {
  it('treats a matching item as answered only when every prompt has a response', () => {
    expect(isAnswered(matching, { pairs: { p: 'r' } })).toBe(false);
    expect(isAnswered(matching, { pairs: { p: 'r', q: 's' } })).toBe(true);
    expect(isAnswered(matching, null)).toBe(false);
  });

  it('treats an empty selection as unanswered', () => {
    const multiple: PresentedItem = { position: 3, type: 'multiple', stem: 's', select: 2, options: [] };
    expect(isAnswered(multiple, { choices: [] })).toBe(false);
    expect(isAnswered(multiple, { choices: ['a'] })).toBe(true);
  });

  it('keeps the presented order until the candidate gives a complete one', () => {
    expect(currentOrder(ordering, null)).toEqual(['x', 'y', 'z']);
    expect(currentOrder(ordering, { order: ['z', 'x', 'y'] })).toEqual(['z', 'x', 'y']);
    expect(currentOrder(ordering, { order: ['z', 'x'] })).toEqual(['x', 'y', 'z']);
    expect(isAnswered(ordering, { order: ['z', 'x', 'y'] })).toBe(true);
  });

  it('moves a step up or down and ignores moves past either end', () => {
    expect(move(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
