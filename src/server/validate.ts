import type { z } from 'zod';
import { AppError } from './errors.ts';

/** Validates input with a contract schema; a failure lists every problem with its field. */
export function validate<S extends z.ZodType>(schema: S, data: unknown, what = 'request body'): z.infer<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => {
    const field = i.path.length ? i.path.join('.') : what;
    const message = i.code === 'unrecognized_keys' ? `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')}` : i.message;
    return { field, message };
  });
  throw new AppError(400, 'invalid-request', `Invalid ${what}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`, { problems });
}
