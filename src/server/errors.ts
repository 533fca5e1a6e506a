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

export const notFound = (what: string) => new AppError(404, 'not-found', `${what} was not found.`);
export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad-request', message, details);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const unauthorized = (code = 'signed-out', message = 'Please sign in.') => new AppError(401, code, message);
export const forbidden = (code: string, message: string) => new AppError(403, code, message);
