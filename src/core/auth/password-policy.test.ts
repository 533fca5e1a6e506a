import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('passwordProblem', () => {
  it('refuses whitespace only, one repeated character, short repeated patterns, runs and common passwords', () => {
    expect(passwordProblem('          ')).toBe('must not be only spaces');
    expect(passwordProblem('aaaaaaaaaa')).toBe('must not repeat one character');
    expect(passwordProblem('abcabcabca')).toBe('must not repeat a short pattern');
    expect(passwordProblem('abcdefghijkl')).toBe('must not be a run of letters or digits');
    expect(passwordProblem('9876543210')).toBe('must not be a run of letters or digits');
    expect(passwordProblem('Password123')).toBe('is one of the most common passwords: choose another');
    expect(passwordProblem('qwerty uiop')).toBe('is one of the most common passwords: choose another');
  });

  it('refuses the user’s own email or name, and accepts a real pass phrase', () => {
    expect(passwordProblem('ada.lovelace!!', { email: 'ada.lovelace@example.com' })).toBe('must not contain your email address');
    expect(passwordProblem('AdaLovelace2026', { name: 'Ada Lovelace' })).toBe('must not contain your name');
    expect(passwordProblem('correct horse battery', { email: 'ada@example.com', name: 'Ada' })).toBeNull();
    expect(passwordProblem('une phrase de passe')).toBeNull();
  });
});
