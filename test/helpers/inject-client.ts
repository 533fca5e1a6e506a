import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Answer, AttemptView, PresentedItem } from '../../src/core/api/contracts.ts';

/** Some complete answer to a presented item (right or wrong does not matter): the first options, steps as shown, first responses. */
export function anyAnswer(item: PresentedItem): Answer {
  if (item.type === 'single') return { choice: item.options![0]!.id };
  if (item.type === 'multiple') return { choices: item.options!.slice(0, item.select ?? 2).map((o) => o.id) };
  if (item.type === 'ordering') return { order: item.steps!.map((s) => s.id) };
  return { pairs: Object.fromEntries(item.prompts!.map((p) => [p.id, item.responses![0]!.id])) };
}

/** A browser-like client over `app.inject`: keeps cookies, sends the CSRF header. */
export class InjectClient {
  cookies = new Map<string, string>();
  csrf = '';
  /** A session token sent as `Authorization: Bearer` (the app inside a course's frame), instead of cookies. */
  bearer = '';
  /** The client's network address as the server sees it, and headers sent with every request (X-Forwarded-For behind a proxy). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly network: { address?: string; headers?: Record<string, string> } = {},
  ) {}
  async req(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, opts: { csrf?: boolean; raw?: string } = {}): Promise<LightMyRequestResponse> {
    const headers = this.credentials(method !== 'GET' && opts.csrf !== false);
    if (body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
    const res = await this.app.inject({ method, url, headers, remoteAddress: this.network.address ?? '127.0.0.1', payload: opts.raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
    for (const c of res.cookies) this.cookies.set(c.name, c.value);
    return res;
  }
  /** The session as the browser sends it: the bearer token of a launch from a course, else the cookies and, for a change, the CSRF token. */
  private credentials(csrf: boolean): Record<string, string> {
    if (this.bearer) return { ...this.network.headers, authorization: `Bearer ${this.bearer}` };
    return { ...this.network.headers, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(csrf ? { 'x-csrf-token': this.csrf } : {}) };
  }
  /** Posts a multipart form (fields and files) as a browser's FormData would. */
  async form(url: string, fields: Record<string, string | string[]>, files: { field?: string; name: string; bytes: Uint8Array; type?: string }[] = []): Promise<LightMyRequestResponse> {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) fd.append(k, one);
    for (const f of files) fd.append(f.field ?? 'files', new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }), f.name);
    const encoded = new Response(fd);
    const headers = { ...this.credentials(true), 'content-type': encoded.headers.get('content-type')! };
    return this.app.inject({ method: 'POST', url, headers, remoteAddress: this.network.address ?? '127.0.0.1', payload: Buffer.from(await encoded.arrayBuffer()) });
  }
  /** Saves `anyAnswer` to the given positions of an attempt (every item by default). */
  async answerAll(view: AttemptView, positions: number[] = view.items.map((i) => i.position), answerOf: (item: PresentedItem) => Answer = anyAnswer): Promise<void> {
    for (const [k, position] of positions.entries()) {
      const item = view.items.find((i) => i.position === position)!;
      const r = await this.req('PUT', `/api/attempts/${view.id}/answers/${position}`, { tab: 'tab-answerall', seq: k + 1, baseRevision: 0, answer: answerOf(item), flagged: false, struck: [] });
      expect(r.statusCode, r.body).toBe(200);
    }
  }
  async signUp(email: string): Promise<void> {
    const s = await this.req('GET', '/api/session');
    this.csrf = s.json().csrfToken;
    const r = await this.req('POST', '/api/auth/signup', { email, name: 'Candidate', password: 'correct horse battery' });
    expect(r.statusCode).toBe(200);
  }
}
