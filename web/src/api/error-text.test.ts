import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FRENCH_WORDED, SERVER_WORDED, errorText } from './error-text.ts';

/** Every error code the server can send, read from the throws and replies in src/server. */
function serverCodes(): string[] {
  const codes = new Set<string>();
  const patterns = [/(?:conflict|forbidden|unauthorized)\('([a-z-]+)'/g, /(?:AppError|super)\(\d+, '([a-z-]+)'/g, /code: '([a-z-]+)'/g];
  for (const entry of readdirSync('src/server', { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) codes.add(m[1]!);
  }
  return [...codes].sort();
}

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
  it('words every error the server sends in French, or keeps the server\'s words where it alone knows the details', () => {
    const codes = serverCodes();
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.filter((c) => !FRENCH_WORDED.includes(c) && !SERVER_WORDED.includes(c))).toEqual([]);
    expect(errorText('fr', 'session-expired', 'Your session has expired: please sign in again. Your saved answers are kept.', null)).toBe('Votre session a expiré : reconnectez-vous. Vos réponses enregistrées sont conservées.');
  });
});
