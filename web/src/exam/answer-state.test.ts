import { describe, expect, it } from 'vitest';
import type { PresentedItem } from '../../../src/core/api/contracts.ts';
import { answerStatus, currentOrder, isAnswered, move } from './answer-state.ts';

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
    expect(isAnswered(multiple, { choices: ['a', 'b'] })).toBe(true);
  });

  it('calls a multiple-response item with fewer choices than it asks for incomplete, not answered', () => {
    const multiple: PresentedItem = { position: 3, type: 'multiple', stem: 's', select: 3, options: [] };
    expect(answerStatus(multiple, { choices: ['a'] })).toEqual({ state: 'incomplete', chosen: 1, needed: 3 });
    expect(isAnswered(multiple, { choices: ['a', 'b'] })).toBe(false);
    expect(answerStatus(multiple, { choices: ['a', 'b', 'c'] })).toEqual({ state: 'answered' });
    expect(answerStatus(multiple, { choices: [] })).toEqual({ state: 'unanswered' });
  });

  it('calls a partly matched item incomplete, with how many prompts have a response', () => {
    expect(answerStatus(matching, { pairs: { p: 'r' } })).toEqual({ state: 'incomplete', chosen: 1, needed: 2 });
    expect(answerStatus(matching, { pairs: {} })).toEqual({ state: 'unanswered' });
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
