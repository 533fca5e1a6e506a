import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** A browser-like client over `app.inject`: keeps cookies, sends the CSRF header. */
export class InjectClient {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly app: FastifyInstance) {}
  async req(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, opts: { csrf?: boolean; raw?: string } = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (method !== 'GET' && opts.csrf !== false) headers['x-csrf-token'] = this.csrf;
    if (body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
    const res = await this.app.inject({ method, url, headers, payload: opts.raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
    for (const c of res.cookies) this.cookies.set(c.name, c.value);
    return res;
  }
  async signUp(email: string): Promise<void> {
    const s = await this.req('GET', '/api/session');
    this.csrf = s.json().csrfToken;
    const r = await this.req('POST', '/api/auth/signup', { email, name: 'Candidate', password: 'correct horse battery' });
    expect(r.statusCode).toBe(200);
  }
}
