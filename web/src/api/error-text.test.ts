import { describe, expect, it } from 'vitest';
import { errorText } from './error-text.ts';

describe('errorText', () => {
  it('keeps the server’s English words in English', () => {
    expect(errorText('en', 'bad-credentials', 'Email or password is wrong.', null)).toBe('Email or password is wrong.');
  });
  it('words known errors in French, with the wait from Retry-After', () => {
    expect(errorText('fr', 'bad-credentials', 'Email or password is wrong.', null)).toBe('E-mail ou mot de passe incorrect.');
    expect(errorText('fr', 'rate-limited', 'Too many failed sign-ins: try again in 42 seconds.', 42)).toBe('Trop de demandes : réessayez dans 42 secondes.');
    expect(errorText('fr', 'rate-limited', 'Too many failed sign-ins: try again in 1 second.', 1)).toBe('Trop de demandes : réessayez dans 1 seconde.');
    expect(errorText('fr', 'rate-limited', 'You have posted 5 times in ten minutes: try again in 1 minute.', 31)).toBe('Trop de demandes : réessayez dans 31 secondes.');
    expect(errorText('fr', 'rate-limited', 'You have started 120 attempts in the last hour: try again in 5 minutes.', 241)).toBe('Trop de demandes : réessayez dans 5 minutes.');
    expect(errorText('fr', 'rate-limited', 'You have started 120 attempts in the last hour: try again in 1 minute.', 60)).toBe('Trop de demandes : réessayez dans 1 minute.');
  });
  it('keeps the server’s words where only it knows the details', () => {
    expect(errorText('fr', 'invalid-request', 'Invalid body: password: use at least 10 characters.', null)).toBe('Invalid body: password: use at least 10 characters.');
    expect(errorText('fr', 'rate-limited', 'You have started 30 attempts in the last hour: try again in 5 minutes.', null)).toBe('You have started 30 attempts in the last hour: try again in 5 minutes.');
  });
});
