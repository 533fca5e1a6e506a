import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** A browser-like client over `app.inject`: keeps cookies, sends the CSRF header. */
export class InjectClient {
  cookies = new Map<string, string>();
  csrf = '';
  /** The client's network address as the server sees it, and headers sent with every request (X-Forwarded-For behind a proxy). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly network: { address?: string; headers?: Record<string, string> } = {},
  ) {}
  async req(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, opts: { csrf?: boolean; raw?: string } = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...this.network.headers, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (method !== 'GET' && opts.csrf !== false) headers['x-csrf-token'] = this.csrf;
    if (body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
    const res = await this.app.inject({ method, url, headers, remoteAddress: this.network.address ?? '127.0.0.1', payload: opts.raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
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
