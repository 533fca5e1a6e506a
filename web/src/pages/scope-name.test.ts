import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { attemptName, scopeName } from './scope-name.ts';

const t = (key: keyof typeof en, vars: Record<string, string | number> = {}) => en[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

describe('scopeName', () => {
  it('names review sessions as such', () => {
    expect(scopeName(t, { review: true })).toBe('Review of mistakes');
    expect(scopeName(t, { items: 4 })).toBe('Redo of 4 questions answered wrong');
  });
  it('names what a practice covered, or the whole exam', () => {
    expect(scopeName(t, { domains: ['2', '3'] })).toBe('Practice — domains 2, 3');
    expect(scopeName(t, { tasks: ['1.2'], modules: [13] })).toBe('Practice — task statements 1.2; modules 13');
    expect(scopeName(t, {})).toBe('Practice — whole exam');
  });
  it('names mocks by profile and the quick check', () => {
    expect(attemptName(t, { kind: 'mock', profile: 'short', scope: null })).toBe(en.profile_short);
    expect(attemptName(t, { kind: 'quick', profile: null, scope: null })).toBe('Quick check');
  });
});
