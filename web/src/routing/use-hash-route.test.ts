import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './use-hash-route.ts';

describe('hash routes', () => {
  it('parses the four screens and falls back to the dashboard', () => {
    expect(parseRoute('#/settings')).toEqual({ page: 'settings' });
    expect(parseRoute(routeHref({ page: 'settings' }))).toEqual({ page: 'settings' });
    expect(parseRoute('#/attempts/abc-1')).toEqual({ page: 'attempt', id: 'abc-1' });
    expect(parseRoute('#/attempts/abc-1/report')).toEqual({ page: 'report', id: 'abc-1' });
    expect(parseRoute('')).toEqual({ page: 'dashboard' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'dashboard' });
  });

  it('round-trips a mock’s instructions screen with its accommodation and extra minutes', () => {
    const route = { page: 'mock-intro', profile: 'standard', accommodation: 'esl', extraMinutes: 10 } as const;
    expect(routeHref(route)).toBe('#/mock/standard?accommodation=esl&extra=10');
    expect(parseRoute(routeHref(route))).toEqual(route);
    expect(parseRoute('#/mock/short')).toEqual({ page: 'mock-intro', profile: 'short', accommodation: undefined, extraMinutes: undefined });
  });

  it('round-trips ids that need escaping', () => {
    const route = { page: 'report', id: 'a/b c' } as const;
    expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
