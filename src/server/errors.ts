/**
 * An error the API may show: a stable code, an HTTP status and a message safe for a user.
 * One Fastify error handler maps these (and validation errors) to `{ error: { code, message, details } }`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** A wait in whole seconds, at least 1: what Retry-After says. */
export const waitSeconds = (waitMs: number) => Math.max(1, Math.ceil(waitMs / 1000));

/** 429 with the wait in a Retry-After header, from which the interface words the error in French. */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(message: string, waitMs: number) {
    super(429, 'rate-limited', message);
    this.retryAfterSeconds = waitSeconds(waitMs);
  }
}

export const notFound = (what: string) => new AppError(404, 'not-found', `${what} was not found.`);
export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad-request', message, details);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const unauthorized = (code = 'signed-out', message = 'Please sign in.') => new AppError(401, code, message);
export const forbidden = (code: string, message: string) => new AppError(403, code, message);
