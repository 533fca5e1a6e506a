import { parse } from 'csv-parse/sync';
import type { PathSegment } from '../../core/items/check-bank.ts';
import { examTagsFromText } from '../common/exam-tags-text.ts';
import { finishParse, type Candidate } from '../common/finish-parse.ts';
import type { FormatProblem, ParseOptions, ParseResult } from '../common/format-problem.ts';
import { DEFAULT_LIMITS, type ImportLimits } from '../common/limits.ts';
import { CSV_COLUMNS, MAX_CHOICES, MAX_RESPONSES, splitList, type CsvRow } from './csv-columns.ts';

export interface CsvParseOptions extends ParseOptions {
  limits?: ImportLimits;
}

const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : Number(s));
const opt = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s);

function question(r: CsvRow): Record<string, unknown> {
  const q: Record<string, unknown> = { id: r.id ?? '', type: r.type ?? '', stem: r.stem ?? '' };
  for (const k of ['bullets', 'references', 'tags'] as const) if (opt(r[k])) q[k] = splitList(r[k]);
  if (opt(r.exams)) q.exams = examTagsFromText(splitList(r.exams));
  if (opt(r.task)) q.task = r.task;
  for (const k of ['module', 'difficulty', 'angoff'] as const) if (num(r[k]) !== undefined) q[k] = num(r[k]);
  if (opt(r.explanation)) q.explanation = r.explanation;
  const ids = splitList(r.choice_ids);
  const choices: Record<string, unknown>[] = [];
  for (let i = 0; i < MAX_CHOICES; i++) {
    const text = r[`choice_${i + 1}`];
    if (!opt(text)) continue;
    const c: Record<string, unknown> = { id: ids[choices.length] ?? String.fromCharCode(97 + choices.length), text };
    if (opt(r[`why_${i + 1}`])) c.why = r[`why_${i + 1}`];
    choices.push(c);
  }
  const key = splitList(r.key);
  if (q.type === 'single' || q.type === 'multiple') {
    q.options = choices.map((c) => ({ ...c, correct: key.includes(c.id as string) }));
    if (q.type === 'multiple') q.select = num(r.select) ?? key.length;
  } else if (q.type === 'ordering') q.steps = choices;
  else if (q.type === 'matching') {
    const pairs = new Map(key.map((k) => k.split('=').map((s) => s.trim()) as [string, string]));
    q.prompts = choices.map((c) => ({ ...c, match: pairs.get(c.id as string) ?? '' }));
    const rids = splitList(r.response_ids);
    const responses: Record<string, unknown>[] = [];
    for (let i = 0; i < MAX_RESPONSES; i++) {
      const text = r[`response_${i + 1}`];
      if (!opt(text)) continue;
      const x: Record<string, unknown> = { id: rids[responses.length] ?? `r${responses.length + 1}`, text };
      if (opt(r[`response_why_${i + 1}`])) x.why = r[`response_why_${i + 1}`];
      responses.push(x);
    }
    q.responses = responses;
  }
  return q;
}

/**
 * Reads the documented CSV layout (header row required; unknown columns are reported and ignored).
 * Rows sharing a `case_id` form one case study, in row order. A row whose number of cells differs
 * from the header's is an error at its line.
 */
export function parseCsv(input: string, options: CsvParseOptions = {}): ParseResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (input.length > limits.maxFileBytes) return { entries: [], seen: [], problems: [{ severity: 'error', code: 'limit', message: `file is larger than the limit of ${limits.maxFileBytes} bytes (--max-file-mb)` }] };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(input, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, to: limits.maxEntries + 2 }) as unknown as typeof records;
  } catch (err) {
    const e = err as { message?: string; lines?: number; column?: number | string };
    return { entries: [], seen: [], problems: [{ severity: 'error', code: 'syntax', message: e.message ?? String(err), line: typeof e.lines === 'number' ? e.lines : 1, column: typeof e.column === 'number' ? e.column + 1 : 1 }] };
  }
  if (records.length === 0) return { entries: [], seen: [], problems: [{ severity: 'error', code: 'csv', message: 'empty file: expected a header row', line: 1, column: 1 }] };
  if (records.length > limits.maxEntries + 1) return { entries: [], seen: [], problems: [{ severity: 'error', code: 'limit', message: `file has more than ${limits.maxEntries} rows (--max-entries)` }] };
  const header = records[0]!.record.map((h) => h.trim());
  const fileProblems: FormatProblem[] = [];
  const known = new Set<string>(CSV_COLUMNS);
  header.forEach((h, i) => {
    if (!known.has(h)) fileProblems.push({ severity: 'warning', code: 'csv', message: `unknown column "${h}" ignored`, line: 1, column: i + 1 });
  });
  for (const required of ['id', 'type', 'stem']) {
    if (!header.includes(required)) return { entries: [], seen: [], problems: [{ severity: 'error', code: 'csv', message: `header has no "${required}" column (see docs/INTERCHANGE.md)`, line: 1, column: 1 }] };
  }
  const candidates: Candidate[] = [];
  const cases = new Map<string, { value: Record<string, unknown>; lines: number[] }>();
  for (const { record, info } of records.slice(1)) {
    // info.lines is the line where the record ends; a record spanning lines is reported at its end.
    const line = info.lines;
    const r: CsvRow = {};
    header.forEach((h, i) => (r[h] = record[i] ?? ''));
    const id = r.id?.trim() || `csv-line-${line}`;
    const col = (p: PathSegment[]) => {
      const name = p[0] === 'options' || p[0] === 'steps' || p[0] === 'prompts' ? `choice_${Number(p[1] ?? 0) + 1}` : p[0] === 'responses' ? `response_${Number(p[1] ?? 0) + 1}` : String(p[0] ?? 'id');
      const c = header.indexOf(name);
      return { line, column: c === -1 ? 1 : c + 1 };
    };
    if (record.length !== header.length) {
      candidates.push({ value: undefined, id, skipped: true, locate: col, problems: [{ severity: 'error', code: 'csv', message: `row has ${record.length} cells, the header ${header.length}`, line, column: 1, itemId: id }] });
      continue;
    }
    const caseId = r.case_id?.trim();
    if (!caseId) {
      candidates.push({ value: question(r), id, locate: col });
      continue;
    }
    let c = cases.get(caseId);
    if (!c) {
      const value: Record<string, unknown> = { id: caseId, type: 'case', title: r.case_title ?? '', scenario: r.case_scenario ?? '', questions: [] };
      // Files written before per-exam tags name the case study's exams in `case_exams`.
      if (opt(r.case_exams)) value.exams = splitList(r.case_exams);
      c = { value, lines: [] };
      cases.set(caseId, c);
      const lines = c.lines;
      candidates.push({ value, id: caseId, locate: (p) => (p[0] === 'questions' && typeof p[1] === 'number' ? { line: lines[p[1]] ?? line, column: 1 } : { line, column: 1 }) });
    }
    (c.value.questions as unknown[]).push(question(r));
    c.lines.push(line);
  }
  return finishParse(candidates, fileProblems, options);
}
