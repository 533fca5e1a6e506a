import { finishParse, type Candidate } from '../common/finish-parse.ts';
import type { FormatProblem, ParseOptions, ParseResult } from '../common/format-problem.ts';
import { letterId, pickMeta } from '../common/item-parts.ts';
import { DEFAULT_LIMITS, type ImportLimits } from '../common/limits.ts';
import { stableId } from '../common/stable-id.ts';
import { MD_META } from './write-markdown.ts';

export interface MarkdownParseOptions extends ParseOptions {
  limits?: ImportLimits;
}

const OPTION = /^\s*[-*+]\s+\[([ xX])\]\s?(.*)$/;
const HEADING = /^###\s+(.*)$/;
const NAV_LINK = /^\**\[[^\]]*\]\(#[^)]*\)\**$/;
const WHY_LINE = /^\s+[-*+]\s+Why:\s?(.*)$/;

interface Draft {
  line: number;
  stem: string[];
  options: { correct: boolean; text: string; line: number; why?: string }[];
  explanation?: string[];
  /** Lines of text after the options that the layout has no place for. */
  trailing: number[];
  meta?: Record<string, unknown>;
  problems: FormatProblem[];
}

/**
 * Reads Markdown question banks: each `### ` heading starts a question, lines up to the first
 * checkbox are the stem, `- [x]` / `- [ ]` are options (indented or unmarked lines that follow an
 * option continue it: wrapped options; an indented `- Why: ...` bullet is the option's why),
 * `**Explanation:**` starts the explanation. An HTML
 * comment `<!-- certprep {...} -->` just above a heading carries id and metadata; otherwise the id
 * is derived from the stem. One key makes a single-answer item, two or more a multiple-response one.
 */
export function parseMarkdown(input: string, options: MarkdownParseOptions = {}): ParseResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (input.length > limits.maxFileBytes) return { entries: [], seen: [], problems: [{ severity: 'error', code: 'limit', message: `file is larger than the limit of ${limits.maxFileBytes} bytes (--max-file-mb)` }] };
  const drafts: Draft[] = [];
  let cur: Draft | undefined;
  let pendingMeta: { meta?: Record<string, unknown>; problem?: FormatProblem } | undefined;
  let inOptions = false;
  let blankAfterOption = false;
  const unescape = (l: string) => (l.startsWith('\\') ? l.slice(1) : l);
  input
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const n = i + 1;
      const line = raw.replace(/\s+$/, '');
      if (line.startsWith(MD_META) && line.endsWith('-->')) {
        try {
          pendingMeta = { meta: JSON.parse(line.slice(MD_META.length, -3)) as Record<string, unknown> };
        } catch {
          pendingMeta = { problem: { severity: 'warning', code: 'markdown', message: 'certprep comment is not valid JSON; metadata ignored', line: n, column: 1 } };
        }
        return;
      }
      const heading = HEADING.exec(line);
      if (heading) {
        cur = { line: n, stem: [heading[1]!.trim()], options: [], trailing: [], problems: pendingMeta?.problem ? [pendingMeta.problem] : [], ...(pendingMeta?.meta ? { meta: pendingMeta.meta } : {}) };
        drafts.push(cur);
        pendingMeta = undefined;
        inOptions = false;
        return;
      }
      if (/^#{1,6}\s/.test(line)) {
        cur = undefined; // another heading level: a section title, not a question
        return;
      }
      if (!cur) return;
      if (line.startsWith('**Explanation:**')) {
        cur.explanation = [line.slice('**Explanation:**'.length).trim()];
        inOptions = false;
        return;
      }
      if (cur.explanation) {
        if (line.trim()) cur.explanation.push(unescape(line.trim()));
        return;
      }
      const option = OPTION.exec(line);
      if (option) {
        cur.options.push({ correct: option[1] !== ' ', text: option[2]!.trim(), line: n });
        inOptions = true;
        blankAfterOption = false;
        return;
      }
      const why = WHY_LINE.exec(line);
      if (inOptions && why && cur.options.length > 0) {
        cur.options[cur.options.length - 1]!.why = why[1]!.trim();
        return;
      }
      if (inOptions) {
        if (!line.trim()) {
          blankAfterOption = true;
          return;
        }
        // A wrapped option: the line continues the option above it (after a blank line only when
        // indented, as Markdown reads list items).
        if (!blankAfterOption || /^\s{2,}/.test(line)) {
          const last = cur.options[cur.options.length - 1]!;
          last.text = `${last.text} ${line.trim()}`;
          blankAfterOption = false;
          return;
        }
        inOptions = false;
      }
      if (cur.options.length > 0) {
        // Text after the options is not part of the layout; navigation links are expected there.
        if (line.trim() && !NAV_LINK.test(line.trim())) cur.trailing.push(n);
        return;
      }
      cur.stem.push(unescape(line.trim()));
    });
  if (drafts.length > limits.maxEntries) return { entries: [], seen: [], problems: [{ severity: 'error', code: 'limit', message: `file has ${drafts.length} questions, more than the limit of ${limits.maxEntries} (--max-entries)` }] };
  const taken = new Set<string>();
  const candidates: Candidate[] = drafts.map((d) => {
    const stem = d.stem.join('\n').replace(/\n{3,}/g, '\n\n').trim();
    const id = typeof d.meta?.id === 'string' ? d.meta.id : stableId('md', stem, taken);
    const keys = d.options.filter((o) => o.correct).length;
    const value: Record<string, unknown> = {
      id,
      type: keys >= 2 ? 'multiple' : 'single',
      ...pickMeta(d.meta),
      stem,
      options: d.options.map((o, i) => ({ id: letterId(i), text: o.text, correct: o.correct, ...(o.why ? { why: o.why } : {}) })),
    };
    if (keys >= 2) value.select = keys;
    const explanation = d.explanation?.join('\n').trim();
    if (explanation) value.explanation = explanation;
    const problems = d.problems.map((p) => ({ ...p, itemId: id }));
    if (d.options.length === 0) problems.push({ severity: 'error', code: 'syntax', message: 'question has no "- [x]" / "- [ ]" options', line: d.line, column: 1, itemId: id });
    if (d.trailing.length) problems.push({ severity: 'warning', code: 'lossy', message: `dropped: text after the options (line${d.trailing.length > 1 ? 's' : ''} ${d.trailing.join(', ')})`, line: d.trailing[0]!, column: 1, itemId: id });
    const optLines = d.options.map((o) => o.line);
    return {
      value,
      id,
      problems,
      skipped: d.options.length === 0,
      locate: (p) => ({ line: p[0] === 'options' && typeof p[1] === 'number' ? optLines[p[1]] ?? d.line : d.line, column: 1 }),
    };
  });
  return finishParse(candidates, [], options);
}
