import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('readConfig', () => {
  it('has defaults for a laptop: SQLite in ./data, port 3000, durable saves', () => {
    const c = readConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: './data/certprep.db', sqliteSynchronous: 'FULL', contentDir: 'content' });
    expect(Object.isFrozen(c)).toBe(true);
  });
  it('reads the environment, and flags override it', () => {
    const c = readConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h/db', SESSION_DAYS: '7' }, { port: '9090' });
    expect(c).toMatchObject({ port: 9090, databaseUrl: 'postgres://u@h/db', sessionDays: 7 });
  });
  it('lists every invalid setting by its variable name before giving up', () => {
    expect(() => readConfig({ PORT: 'eighty', SQLITE_SYNCHRONOUS: 'OFF', SESSION_DAYS: '0' })).toThrow(
      /invalid settings:\n {2}PORT: .*\n {2}SQLITE_SYNCHRONOUS: .*\n {2}SESSION_DAYS: /,
    );
  });
  it('keeps the public address as an origin (LTI platforms reach the server there) and names a bad one', () => {
    expect(readConfig({ PUBLIC_URL: 'https://certprep.example.org/some/path' }).publicUrl).toBe('https://certprep.example.org');
    expect(readConfig({}).publicUrl).toBeUndefined();
    expect(() => readConfig({ PUBLIC_URL: 'certprep.example.org' })).toThrow('PUBLIC_URL: is not a web address');
  });
});
