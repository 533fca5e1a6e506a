import { entryQuestions, type BankEntry, type MatchingItem } from '../../core/items/item-schema.ts';
import type { FormatProblem } from './format-problem.ts';

/**
 * Canonical form for comparing items: undefined fields and empty lists dropped (an empty list of
 * bullets says no more than no list), `correct: false` dropped (the schema's default).
 */
export function normalizeEntry<T>(value: T): T {
  return norm(value) as T;
}

function norm(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(norm);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined || (Array.isArray(x) && x.length === 0) || (k === 'correct' && x === false)) continue;
      out[k] = norm(x);
    }
    return out;
  }
  return v;
}

/** Paths (`options.*.why`) where `carried` differs from `original`, list indices folded into `*`. */
export function lostFields(original: unknown, carried: unknown): string[] {
  const out = new Set<string>();
  walk(norm(original), norm(carried), [], out);
  return [...out];
}

function walk(a: unknown, b: unknown, path: string[], out: Set<string>): void {
  if (a === b) return;
  const here = path.join('.') || '(item)';
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.add(here);
    else a.forEach((x, i) => walk(x, b[i], [...path, '*'], out));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...path, k], out);
    return;
  }
  out.add(here);
}

/**
 * The per-item report of an export: `skipped` for entries the format cannot express (projected to
 * null), `lossy` naming the fields it cannot carry. Never silent: every difference is listed.
 */
export function lossReport(format: string, entries: BankEntry[], carried: (BankEntry | null)[], why: (e: BankEntry) => string = (e) => `${format} cannot express a ${e.type} item`): FormatProblem[] {
  const problems: FormatProblem[] = [];
  entries.forEach((e, i) => {
    const c = carried[i];
    if (c === null || c === undefined) {
      problems.push({ severity: 'warning', code: 'skipped', message: `${why(e)}`, itemId: e.id });
      return;
    }
    if (c === e) return; // projected unchanged: nothing lost
    const lost = lostFields(view(e), view(c));
    if (orderOfResponses(e) !== orderOfResponses(c)) lost.push('responses (order)');
    if (lost.length > 0) problems.push({ severity: 'warning', code: 'lossy', message: `${format} cannot carry: ${lost.join(', ')}`, itemId: e.id });
  });
  return problems;
}

/**
 * Matching items compared by meaning: a prompt's match is its response's text and responses are
 * compared as a set, so that renumbered or reordered responses are reported as such
 * (`responses.*.id`, `responses (order)`) rather than as lost pairs.
 */
function view(e: BankEntry): unknown {
  const q = (x: Record<string, unknown>): unknown => {
    if (x.type !== 'matching') return x;
    const m = x as unknown as MatchingItem;
    const byId = new Map(m.responses.map((r) => [r.id, r]));
    const key = (r: { text: string; why?: string | undefined }) => `${r.text}\u0000${r.why ?? ''}`;
    return { ...m, prompts: m.prompts.map((p) => ({ ...p, match: byId.get(p.match)?.text ?? p.match })), responses: [...m.responses].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) };
  };
  return e.type === 'case' ? { ...e, questions: e.questions.map((x) => q(x as never)) } : q(e as never);
}

function orderOfResponses(e: BankEntry): string {
  const qs = entryQuestions(e);
  return qs.map((q) => (q.type === 'matching' ? q.responses.map((r) => r.text).join('\u0000') : '')).join('\u0001');
}
