import { describe, expect, it } from 'vitest';
import { en, format, fr, type MessageKey } from './messages.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('gives every French message the same placeholders as the English one', () => {
    const mismatched = (Object.keys(en) as MessageKey[]).filter((k) => placeholders(en[k]).join() !== placeholders(fr[k]).join());
    expect(mismatched).toEqual([]);
  });

  it('translates every message, except words that are the same in both languages', () => {
    const same = (Object.keys(en) as MessageKey[]).filter((k) => en[k] === fr[k]);
    // Each of these is checked French: "Score", "Action", "Minutes", "Questions", "{n} questions", "1 question", "Question {i}", "{n} points", "Date", "Discussion".
    expect(same.sort()).toEqual(['adminTitle', 'appName', 'assignmentCount', 'assignmentModule', 'availableItems', 'availableItemsOne', 'changelogDate', 'changelogItem', 'cohortActions', 'colAction', 'colScore', 'discussionCount', 'discussionOpen', 'goToQuestion', 'minutes', 'moduleN', 'modulesTitle', 'navigator', 'pause', 'planModules', 'rubricPoints', 'scopeModules', 'taskLabel']);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format(en.questionOf, { i: 3, n: 65 })).toBe('Question 3 of 65');
    expect(format(fr.questionOf, { i: 3, n: 65 })).toBe('Question 3 sur 65');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    // Numbers the language's way: a decimal comma in French, no thousands separator for scores and years.
    const fr_ = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, useGrouping: false });
    const en_ = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, useGrouping: false });
    expect(format(fr.rawScore, { raw: 3, n: 8, cut: 4.9 }, fr_)).toBe('3 questions notées justes sur 8 ; il en fallait environ 4,9 pour réussir cette série');
    expect(format(en.rawScore, { raw: 3, n: 8, cut: 4.9 }, en_)).toBe('3 of 8 scored questions right; about 4.9 right were needed to pass this set');
    expect(format('{s}', { s: 1000 }, fr_)).toBe('1000');
  });
});
