import { checkBank, type PathSegment, type RawEntry } from '../../core/items/check-bank.ts';
import type { BankEntry } from '../../core/items/item-schema.ts';
import { upgradeEntry } from '../../core/items/upgrade-entry.ts';
import type { FormatProblem, ParseOptions, ParseResult } from './format-problem.ts';

/** Where a part of a candidate sits in its source: a text position, an XML path, or both. */
export interface Location {
  line?: number;
  column?: number;
  path?: string;
}

/** One item as a parser read it, before the structural checks. */
export interface Candidate {
  value: unknown;
  /** The item's id, or a provisional one (`gift-3`) for messages when it has none. */
  id: string;
  locate: (path: PathSegment[]) => Location;
  /** Problems the parser met in this item (lossy conversions, unsupported features). */
  problems?: FormatProblem[];
  /** The format has the item but it cannot become a bank entry (an essay, a numeric question...). */
  skipped?: boolean;
  /**
   * The id was derived from a name or title, which the format does not require to be unique (Moodle
   * names, GIFT titles): a repeated one is renamed, never merged with the first question's.
   */
  derivedId?: boolean;
}

/** Codes of checks that need exam definitions; skipped when the parser was given none. */
const EXAM_CODES = new Set(['unknown-task', 'unknown-bullet', 'unknown-module', 'mock-module', 'unknown-exam', 'bullet-other-task']);

/**
 * Runs the bank's structural checks on parsed candidates (`checkBank` with `foreign: true`, so
 * missing metadata gives warnings) and keeps the entries without errors. Every problem is
 * reported against its top-level item, with the position the parser recorded.
 */
export function finishParse(input: Candidate[], fileProblems: FormatProblem[], options: ParseOptions = {}): ParseResult {
  const candidates = uniqueDerivedIds(input).map(httpsReferencesOnly);
  // checkBank reports positions as numbers; each locate() call is remembered in `located` and its
  // index passed as the "line", so the parser's own location (which may be an XML path) comes back.
  const located: { candidate: number; loc: Location }[] = [];
  const raw: RawEntry[] = [];
  candidates.forEach((c, i) => {
    if (c.skipped) return;
    raw.push({
      // Files written before per-exam tags name their exams as a list, with the tags beside it.
      value: isEntryLike(c.value) ? upgradeEntry(c.value) : c.value,
      file: String(i),
      locate: (path: PathSegment[]) => {
        located.push({ candidate: i, loc: c.locate(path) });
        return { line: located.length - 1, column: 0 };
      },
    });
  });
  const checked = checkBank(raw, options.exams ?? [], { foreign: true });
  const problems: FormatProblem[] = [...fileProblems];
  const perCandidate: FormatProblem[][] = candidates.map((c) => [...(c.problems ?? [])]);
  for (const p of checked.problems) {
    if (!options.exams && EXAM_CODES.has(p.code)) continue;
    const at = located[p.line];
    const index = at?.candidate ?? Number(p.file);
    const candidate = candidates[index];
    if (!candidate) continue;
    const question = p.itemId && p.itemId !== candidate.id ? `question "${p.itemId}": ` : '';
    perCandidate[index]!.push({ severity: p.severity, code: p.code, message: question + p.message, ...at?.loc, itemId: candidate.id });
  }
  for (const list of perCandidate) problems.push(...list.map((p) => ({ ...p, itemId: p.itemId ?? undefined })));
  const rejected = new Set(problems.filter((p) => p.severity === 'error' && p.itemId).map((p) => p.itemId));
  const entries: BankEntry[] = checked.entries.filter((e) => !rejected.has(e.id));
  return { entries, problems: problems.map(clean), seen: candidates.map((c) => c.id) };
}

/**
 * Gives each question whose id came from a repeated name its own id (`name-2`, `name-3`...), with a
 * warning at its own position, so that two valid questions are two report lines and two entries.
 */
function uniqueDerivedIds(candidates: Candidate[]): Candidate[] {
  const taken = new Set(candidates.filter((c) => !c.derivedId).map((c) => c.id));
  return candidates.map((c) => {
    if (!c.derivedId) return c;
    if (!taken.has(c.id)) {
      taken.add(c.id);
      return c;
    }
    let n = 2;
    while (taken.has(`${c.id}-${n}`)) n++;
    const id = `${c.id}-${n}`;
    taken.add(id);
    const { line, column, path } = c.locate([]);
    const renamed: FormatProblem = { severity: 'warning', code: 'renamed', message: `the name "${c.id}" is used by an earlier question: imported as "${id}"`, itemId: id, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}), ...(path !== undefined ? { path } : {}) };
    const value = c.value && typeof c.value === 'object' ? { ...(c.value as object), id } : c.value;
    return { ...c, id, value, problems: [...(c.problems ?? []).map((p) => ({ ...p, itemId: id })), renamed] };
  });
}

/**
 * Keeps the https:// references of an item (and of a case study's questions) and reports the others
 * as dropped: a javascript:, data: or plain http: link from another bank never reaches a candidate.
 */
function httpsReferencesOnly(c: Candidate): Candidate {
  const dropped: string[] = [];
  const clean = (q: unknown): unknown => {
    if (!q || typeof q !== 'object' || !Array.isArray((q as { references?: unknown }).references)) return q;
    const refs = (q as { references: unknown[] }).references;
    const kept = refs.filter((r) => typeof r === 'string' && /^https:\/\/[^\s]+$/i.test(r));
    dropped.push(...refs.filter((r) => !kept.includes(r)).map((r) => String(r).slice(0, 60)));
    return { ...q, references: kept };
  };
  let value = clean(c.value) as Record<string, unknown> | undefined;
  if (value && Array.isArray(value.questions)) value = { ...value, questions: value.questions.map(clean) };
  if (dropped.length === 0) return c;
  const { line, column, path } = c.locate(['references']);
  const problem: FormatProblem = { severity: 'warning', code: 'lossy', message: `dropped references that are not https:// addresses: ${dropped.join(', ')}`, itemId: c.id, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}), ...(path !== undefined ? { path } : {}) };
  return { ...c, value, problems: [...(c.problems ?? []), problem] };
}

/** An object the upgrade can read (a case study needs its list of questions); anything else goes to the schema as is. */
function isEntryLike(v: unknown): boolean {
  if (!v || typeof v !== 'object') return false;
  const o = v as { type?: unknown; questions?: unknown };
  return o.type !== 'case' || (Array.isArray(o.questions) && o.questions.every((q) => !!q && typeof q === 'object'));
}

/** Drops undefined fields so that problems serialise to exactly the documented JSON shape. */
function clean(p: FormatProblem): FormatProblem {
  const out: FormatProblem = { severity: p.severity, code: p.code, message: p.message };
  if (p.line !== undefined) out.line = p.line;
  if (p.column !== undefined) out.column = p.column;
  if (p.path !== undefined) out.path = p.path;
  if (p.itemId !== undefined) out.itemId = p.itemId;
  return out;
}
