import type { PathSegment } from '../../core/items/check-bank.ts';
import { finishParse, type Candidate } from '../common/finish-parse.ts';
import type { FormatProblem, ParseOptions, ParseResult } from '../common/format-problem.ts';
import { htmlToText } from '../common/html-text.ts';
import { letterId, pickMeta } from '../common/item-parts.ts';
import { DEFAULT_LIMITS, type ImportLimits } from '../common/limits.ts';
import { itemIdFrom } from '../common/stable-id.ts';
import { CASE_FOLDER } from '../moodle/write-moodle.ts';
import { findDoubleColon, findUnescaped, giftUnescape } from './gift-escape.ts';
import { META_COMMENT } from './write-gift.ts';

export interface GiftParseOptions extends ParseOptions {
  limits?: ImportLimits;
}

interface Block {
  /** Question source with comment and category lines removed, lines joined by "\n". */
  source: string;
  /** Source line number (1-based) of each line of `source`. */
  lines: number[];
  meta?: Record<string, unknown>;
  metaError?: FormatProblem;
  category: string;
}

/** Splits GIFT text into question blocks (separated by blank lines), collecting comments and categories. */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  let category = '';
  let cur: Block | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    const trimmed = line.trimStart();
    if (trimmed === '') {
      cur = undefined;
      return;
    }
    if (trimmed.startsWith('//')) {
      if (trimmed.startsWith(META_COMMENT)) {
        cur ??= (out.push({ source: '', lines: [], category }), out[out.length - 1]!);
        try {
          cur.meta = JSON.parse(trimmed.slice(META_COMMENT.length)) as Record<string, unknown>;
        } catch {
          cur.metaError = { severity: 'warning', code: 'gift', message: 'certprep comment is not valid JSON; metadata ignored', line: i + 1, column: 1 };
        }
      }
      return;
    }
    if (trimmed.startsWith('$CATEGORY:')) {
      category = trimmed.slice('$CATEGORY:'.length).trim();
      cur = undefined;
      return;
    }
    cur ??= (out.push({ source: '', lines: [], category }), out[out.length - 1]!);
    cur.category = category;
    cur.source += (cur.lines.length ? '\n' : '') + line;
    cur.lines.push(i + 1);
  });
  return out.filter((b) => b.lines.length > 0 || b.meta);
}

/** Line and column of offset `at` of a block's source. */
function position(b: Block, at: number): { line: number; column: number } {
  const before = b.source.slice(0, Math.max(0, at));
  const row = (before.match(/\n/g) ?? []).length;
  return { line: b.lines[row] ?? b.lines[0] ?? 1, column: at - (before.lastIndexOf('\n') + 1) + 1 };
}

interface Answer {
  marker: '=' | '~';
  /** The answer as written after its marker: matching pairs have no weights or feedback. */
  raw: string;
  weight?: number;
  text: string;
  feedback?: string;
}

/** Splits an answer section at unescaped `=` and `~`, reading `%weight%` and `#feedback`; `####` is general feedback (texts still escaped). */
function answers(section: string): { answers: Answer[]; general?: string } {
  let general: string | undefined;
  let body = section;
  const g = body.indexOf('####');
  if (g !== -1 && body[g - 1] !== '\\') {
    general = body.slice(g + 4).trim();
    body = body.slice(0, g);
  }
  const out: Answer[] = [];
  let i = findUnescaped(body, '=~');
  while (i !== -1) {
    const next = findUnescaped(body, '=~', i + 1);
    let part = body.slice(i + 1, next === -1 ? undefined : next).trim();
    const a: Answer = { marker: body[i] as '=' | '~', raw: part, text: '' };
    const w = /^%(-?\d+(?:\.\d+)?)%/.exec(part);
    if (w) {
      a.weight = Number(w[1]);
      part = part.slice(w[0].length);
    }
    const h = findUnescaped(part, '#');
    if (h !== -1) {
      a.feedback = part.slice(h + 1).trim();
      part = part.slice(0, h);
    }
    a.text = part.trim();
    out.push(a);
    i = next;
  }
  return { answers: out, general };
}

/**
 * Reads GIFT (Moodle's text format): multiple choice, multiple response with `~%50%` weights,
 * matching `=a -> b`, `#` feedback, `####` general feedback, `::title::` ids, `$CATEGORY:`,
 * `//` comments (`// certprep {...}` carries metadata), backslash escapes. Short
 * answer, numerical and essay questions are skipped with a report; true/false becomes a two-option multiple choice. Case studies: a description in a
 * `Case studies/` category followed by its questions.
 */
export function parseGift(input: string, options: GiftParseOptions = {}): ParseResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (input.length > limits.maxFileBytes) return { entries: [], seen: [], problems: [{ severity: 'error', code: 'limit', message: `file is larger than the limit of ${limits.maxFileBytes} bytes (--max-file-mb)` }] };
  const list = blocks(input.replace(/^\uFEFF/, ''));
  if (list.length > limits.maxEntries) return { entries: [], seen: [], problems: [{ severity: 'error', code: 'limit', message: `file has ${list.length} questions, more than the limit of ${limits.maxEntries} (--max-entries)` }] };
  const candidates: Candidate[] = [];
  let openCase: { value: Record<string, unknown>; category: string; candidate: Candidate; starts: { line: number; column: number }[] } | undefined;

  list.forEach((b, n) => {
    const start = position(b, 0);
    const problems: FormatProblem[] = b.metaError ? [b.metaError] : [];
    const lost = new Set<string>();
    let src = b.source;
    let title: string | undefined;
    let offset = 0;
    const lead = src.length - src.trimStart().length;
    if (src.startsWith('::', lead)) {
      const end = findDoubleColon(src, lead + 2);
      if (end === -1) {
        const id = `gift-${n + 1}`;
        candidates.push({ value: undefined, id, locate: () => start, skipped: true, problems: [{ severity: 'error', code: 'syntax', message: 'question name opened with "::" is never closed', ...position(b, lead), itemId: id }] });
        return;
      }
      title = giftUnescape(src.slice(lead + 2, end)).trim();
      offset = end + 2;
    }
    src = src.slice(offset);
    const fmt = /^\s*\[(html|moodle|plain|markdown)\]/.exec(src);
    if (fmt) {
      offset += fmt[0].length;
      src = src.slice(fmt[0].length);
    }
    // The question's format marker applies to its answers and feedback too; an answer may carry its own.
    const toText = (s: string) => {
      const own = /^\s*\[(html|moodle|plain|markdown)\]/.exec(s);
      const kind = own?.[1] ?? fmt?.[1];
      const body = giftUnescape(own ? s.slice(own[0].length) : s);
      if (kind === 'html' || kind === 'moodle') return htmlToText(body, lost);
      if (kind === 'markdown') return markdownToText(body, lost);
      return body.trim();
    };
    const id = (typeof b.meta?.id === 'string' ? b.meta.id : title ? itemIdFrom(title) : undefined) ?? `gift-${n + 1}`;
    const locate = (_p: PathSegment[]) => start;
    const open = findUnescaped(src, '{');
    if (open === -1) {
      // No answer section: a description. In a case-study category it opens a case study.
      if (b.category.includes(`/${CASE_FOLDER}/`)) {
        const value: Record<string, unknown> = { id, type: 'case', title: title ?? id, scenario: toText(src), questions: [] };
        const meta = b.meta as { exams?: unknown } | undefined;
        if (meta?.exams) value.exams = meta.exams;
        const starts: { line: number; column: number }[] = [];
        const candidate: Candidate = { value, id, locate: (p) => (p[0] === 'questions' && typeof p[1] === 'number' ? starts[p[1]] ?? start : start), problems };
        openCase = { value, category: b.category, candidate, starts };
        candidates.push(candidate);
      } else candidates.push({ value: undefined, id, locate, skipped: true, problems: [...problems, { severity: 'warning', code: 'skipped', message: 'a description (text without answers) is not a question', ...start, itemId: id }] });
      return;
    }
    const close = findUnescaped(src, '}', open + 1);
    if (close === -1) {
      candidates.push({ value: undefined, id, locate, skipped: true, problems: [...problems, { severity: 'error', code: 'syntax', message: 'answer section opened with "{" is never closed', ...position(b, offset + open), itemId: id }] });
      return;
    }
    const after = src.slice(close + 1).trim();
    const second = findUnescaped(src, '{', close + 1);
    if (second !== -1) {
      candidates.push({ value: undefined, id, locate, skipped: true, problems: [...problems, { severity: 'error', code: 'syntax', message: 'a question has one answer section; a second "{" was found (escape it as \\{)', ...position(b, offset + second), itemId: id }] });
      return;
    }
    let stem = toText(src.slice(0, open));
    if (after) {
      // Missing-word format: the blank stands where the answers were.
      stem = `${stem} _____ ${toText(after)}`.trim();
      lost.add('missing-word layout');
    }
    const section = src.slice(open + 1, close).trim();
    const skip = (kind: string) => candidates.push({ value: undefined, id, locate, skipped: true, problems: [...problems, { severity: 'warning', code: 'skipped', message: `GIFT ${kind} questions have no certprep equivalent`, ...start, itemId: id }] });
    if (section === '') return skip('essay');
    if (section.startsWith('#')) return skip('numerical');
    const q: Record<string, unknown> = { id, stem };
    const tf = /^(T|F|TRUE|FALSE)(?![\w])/.exec(section);
    if (tf) {
      // {T#shown when answered wrong#shown when answered right}: a two-option multiple choice.
      const isTrue = tf[1]!.startsWith('T');
      const [, wrongFeedback, rightFeedback] = section.slice(tf[0].length).split(/(?<!\\)#/).map((f) => toText(f));
      const why = (correct: boolean) => (correct ? rightFeedback : wrongFeedback);
      q.type = 'single';
      q.options = [
        { id: 'a', text: 'True', correct: isTrue, ...(why(isTrue) ? { why: why(isTrue) } : {}) },
        { id: 'b', text: 'False', correct: !isTrue, ...(why(!isTrue) ? { why: why(!isTrue) } : {}) },
      ];
      Object.assign(q, pickMeta(b.meta));
      candidates.push({ value: q, id, locate, problems, derivedId: !b.meta?.id });
      return;
    }
    const parsed = answers(section);
    if (parsed.general) q.explanation = toText(parsed.general);
    const all = parsed.answers;
    const isMatching = all.length > 0 && all.every((a) => a.marker === '=' && findArrow(a.raw) !== -1);
    if (isMatching) {
      const prompts: Record<string, unknown>[] = [];
      const matched: { id: string; text: string }[] = [];
      const extra: { id: string; text: string }[] = [];
      for (const a of all) {
        const k = findArrow(a.raw);
        const left = giftUnescape(a.raw.slice(0, k)).trim();
        const right = giftUnescape(a.raw.slice(k + 2)).trim();
        if (left) {
          const r = { id: '', text: right };
          matched.push(r);
          prompts.push({ id: `p${prompts.length + 1}`, text: left, _r: r });
        } else extra.push({ id: '', text: right });
      }
      const responses = [...matched, ...extra].map((r, i) => ((r.id = `r${i + 1}`), r));
      q.type = 'matching';
      q.prompts = prompts.map(({ _r, ...p }) => ({ ...p, match: (_r as { id: string }).id }));
      q.responses = responses;
    } else {
      // Without a "~" answer there is nothing to choose from: a short answer ({=Paris =%50%paris}), never a multiple choice.
      if (!all.some((a) => a.marker === '~')) return skip('short-answer');
      const correct = all.map((a) => (a.weight !== undefined ? a.weight > 0 : a.marker === '='));
      const keys = correct.filter(Boolean).length;
      q.type = keys >= 2 ? 'multiple' : 'single';
      if (keys >= 2) q.select = keys;
      q.options = all.map((a, i) => ({ id: letterId(i), text: toText(a.text), correct: correct[i], ...(a.feedback ? { why: toText(a.feedback) } : {}) }));
      const weights = all.filter((a, i) => correct[i] && a.weight !== undefined).map((a) => a.weight!.toFixed(2));
      if (new Set(weights).size > 1) lost.add('unequal answer weights (certprep scores all-or-nothing)');
    }
    Object.assign(q, pickMeta(b.meta));
    if (lost.size) problems.push({ severity: 'warning', code: 'lossy', message: `dropped: ${[...lost].join(', ')}`, ...start, itemId: id });
    if (openCase && openCase.category === b.category) {
      (openCase.value.questions as unknown[]).push(q);
      openCase.starts.push(start);
      openCase.candidate.problems!.push(...problems.map((p) => ({ ...p, itemId: openCase!.candidate.id })));
      return;
    }
    openCase = undefined;
    candidates.push({ value: q, id, locate, problems, derivedId: !b.meta?.id });
  });
  return finishParse(candidates, [], options);
}

/** Markdown answer text: images cannot become text and links lose their address (both reported). */
function markdownToText(md: string, lost: Set<string>): string {
  return md
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, (_m, alt: string) => {
      lost.add('images');
      return alt;
    })
    .replace(/\[([^\]]+)\]\([^)]*\)/g, (_m, label: string) => {
      lost.add('links');
      return label;
    })
    .trim();
}

/** Index of "->" outside escapes, or -1. */
function findArrow(s: string): number {
  for (let i = 0; i < s.length - 1; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '-' && s[i + 1] === '>') return i;
  }
  return -1;
}
