import { EXAM_TAG_FIELDS, type BankEntry, type MatchingItem, type Question } from '../../core/items/item-schema.ts';

/** Metadata fields every question may carry, in the order formats write them (`exams` holds the per-exam tags). */
export const META_KEYS = ['exams', 'difficulty', 'references', 'tags'] as const;
/** Fields of files written before per-exam tags; readers keep them so that `upgradeEntry` can read them. */
export const LEGACY_META_KEYS = EXAM_TAG_FIELDS;
export type MetaKey = (typeof META_KEYS)[number];
export type Meta = Partial<Pick<Question, MetaKey>>;

/** The metadata of a question, defined fields only. */
export function metaOf(q: Question): Meta {
  const out: Record<string, unknown> = {};
  for (const k of META_KEYS) if (q[k] !== undefined) out[k] = q[k];
  return out as Meta;
}

/** Keeps only known metadata fields (older files' too); the schema checks the values later. */
export function pickMeta(raw: unknown): Meta {
  const out: Record<string, unknown> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const k of [...META_KEYS, ...LEGACY_META_KEYS]) {
    const v = (raw as Record<string, unknown>)[k];
    if (v !== undefined && v !== null) out[k] = v;
  }
  return out as Meta;
}

/** a, b, c, ... for the n-th option (0-based); formats without option ids number them so. */
export function letterId(i: number): string {
  return i < 26 ? String.fromCharCode(97 + i) : `o${i + 1}`;
}

/**
 * Relabels a question's choices the way id-less formats read them back: options a, b, c...;
 * steps s1, s2...; prompts p1...; responses r1... (matches remapped). With `matchOrder`, responses
 * are also reordered as formats that store pairs give them back: each prompt's match in prompt
 * order, then the distractors in their own order.
 */
export function canonicalIds<Q extends Question>(q: Q, matchOrder = false): Q {
  if (q.type === 'single' || q.type === 'multiple') return { ...q, options: q.options.map((o, i) => ({ ...o, id: letterId(i) })) };
  if (q.type === 'ordering') return { ...q, steps: q.steps.map((s, i) => ({ ...s, id: `s${i + 1}` })) };
  const m = q as MatchingItem;
  let responses = m.responses;
  if (matchOrder) {
    const matched = m.prompts.map((p) => m.responses.find((r) => r.id === p.match)).filter((r): r is MatchingItem['responses'][number] => !!r);
    responses = [...matched, ...m.responses.filter((r) => !matched.includes(r))];
  }
  const rid = new Map(responses.map((r, i) => [r.id, `r${i + 1}`]));
  return {
    ...m,
    prompts: m.prompts.map((p, i) => ({ ...p, id: `p${i + 1}`, match: rid.get(p.match) ?? p.match })),
    responses: responses.map((r) => ({ ...r, id: rid.get(r.id)! })),
  } as Q;
}

/** Applies `f` to a standalone item or to each question of a case study. */
export function mapQuestions(e: BankEntry, f: (q: Question) => Question): BankEntry {
  return e.type === 'case' ? { ...e, questions: e.questions.map(f) } : f(e);
}

/** Collapses runs of whitespace to one space: for formats whose text is one line. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
