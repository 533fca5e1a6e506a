import path from 'node:path';

/** A file of the shared reference material, which sits beside the checkout (`../shared`). */
export function sharedPath(...parts: string[]): string {
  return path.resolve(import.meta.dirname, '..', '..', '..', 'shared', ...parts);
}
