// What a benchmark candidate sends: its session and CSRF cookies, and one valid answer per item.
import type { AttemptView } from '../../src/core/api/contracts.ts';

const CSRF = 'c'.repeat(32);

/** Request headers for a candidate signed in with `token` (the CSRF cookie and header agree). */
export function candidateHeaders(token: string): Record<string, string> {
  return { 'content-type': 'application/json', cookie: `certprep_session=${token}; certprep_csrf=${CSRF}`, 'x-csrf-token': CSRF };
}

/** One valid answer per item, whatever its type, in presentation ids. */
export function answersFor(items: AttemptView['items']): unknown[] {
  return items.map((it) =>
    it.type === 'single' ? { choice: it.options![0]!.id }
    : it.type === 'multiple' ? { choices: it.options!.slice(0, it.select!).map((o) => o.id) }
    : it.type === 'ordering' ? { order: it.steps!.map((s) => s.id) }
    : { pairs: Object.fromEntries(it.prompts!.map((p, k) => [p.id, it.responses![k]!.id])) },
  );
}
