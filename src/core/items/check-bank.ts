import type { z } from 'zod';
import type { ExamIndex } from '../exam/exam-schema.ts';
import { bankEntrySchema, EXAM_TAG_FIELDS, type BankEntry, type Question } from './item-schema.ts';

export type Severity = 'error' | 'warning';
export type PathSegment = string | number;

/** A problem found in a bank, located in its source file. */
export interface Problem {
  severity: Severity;
  code: string;
  message: string;
  file: string;
  line: number;
  column: number;
  itemId?: string | undefined;
}

/** One raw entry read from a source file, with a way to locate any path inside it. */
export interface RawEntry {
  value: unknown;
  file: string;
  locate: (path: PathSegment[]) => { line: number; column: number };
}

export interface CheckOptions {
  /** Foreign items (imported) get the bank's metadata rules as warnings, not errors. */
  foreign?: boolean;
}

export interface CheckResult {
  entries: BankEntry[];
  problems: Problem[];
}

const REFERENCE_URL = /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\/[^\s]*$/;
const LANGUAGE_SEGMENT = /^https:\/\/[^/]+\/([a-z]{2}_[a-z]{2}|[a-z]{2}-[a-z]{2})\//i;

/** Formats a problem the way every tool prints it: `path:line:col severity message`. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column} ${p.severity} ${p.message}${p.itemId ? ` [${p.itemId}]` : ''}`;
}

/**
 * Checks raw entries: the zod schema of each type, then the referential and bank rules
 * (unique ids, keys, `select`, matching responses, task / bullets / module against the exam).
 * Returns the entries that passed the schema and every problem found, in source order.
 */
export function checkBank(raw: RawEntry[], exams: ExamIndex[], options: CheckOptions = {}): CheckResult {
  const problems: Problem[] = [];
  const entries: BankEntry[] = [];
  // Where each id was first seen; located only when a duplicate needs saying where (positions cost).
  const seenIds = new Map<string, { entry: RawEntry; path: PathSegment[] }>();
  const examById = new Map(exams.map((e) => [e.exam.id, e]));
  const metaSeverity: Severity = options.foreign ? 'warning' : 'error';

  for (const r of raw) {
    const at = (path: PathSegment[], severity: Severity, code: string, message: string, itemId?: string) => {
      const { line, column } = r.locate(path);
      problems.push({ severity, code, message, file: r.file, line, column, itemId });
    };
    const parsed = bankEntrySchema.safeParse(r.value);
    const rawId = typeof r.value === 'object' && r.value && 'id' in r.value ? String((r.value as { id: unknown }).id) : undefined;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) at(issue.path as PathSegment[], 'error', 'schema', describeIssue(issue), rawId);
      continue;
    }
    const entry = parsed.data;
    entries.push(entry);

    const claimId = (id: string, path: PathSegment[]) => {
      const first = seenIds.get(id);
      if (first) {
        const { line, column } = first.entry.locate(first.path);
        at(path, 'error', 'duplicate-id', `id "${id}" is already used at ${first.entry.file}:${line}:${column}`, id);
      } else seenIds.set(id, { entry: r, path });
    };
    claimId(entry.id, ['id']);

    const checkTags = (q: Question, base: PathSegment[]) => checkExamTags(q, base, examById, metaSeverity, at);
    if (entry.type === 'case') {
      entry.questions.forEach((q, i) => {
        claimId(q.id, ['questions', i, 'id']);
        checkQuestion(q, ['questions', i], metaSeverity, at);
        checkTags(q, ['questions', i]);
      });
    } else {
      checkQuestion(entry, [], metaSeverity, at);
      checkTags(entry, []);
    }
  }
  problems.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
  return { entries, problems };
}

const PRACTICE_ONLY = ': it serves practice, never a mock';

type At = (path: PathSegment[], severity: Severity, code: string, message: string, itemId?: string) => void;

function checkQuestion(q: Question, base: PathSegment[], meta: Severity, at: At): void {
  const p = (...rest: PathSegment[]) => [...base, ...rest];
  const id = q.id;

  const uniqueIds = (list: { id: string }[], key: string) => {
    const seen = new Set<string>();
    list.forEach((o, i) => {
      if (seen.has(o.id)) at(p(key, i, 'id'), 'error', 'duplicate-choice-id', `${key} id "${o.id}" appears twice`, id);
      seen.add(o.id);
    });
  };

  if (q.type === 'single' || q.type === 'multiple') {
    uniqueIds(q.options, 'options');
    const keys = q.options.filter((o) => o.correct).length;
    if (q.type === 'single' && keys !== 1) at(p('options'), 'error', 'key-count', `a multiple-choice item has exactly 1 correct option, found ${keys}`, id);
    // The exam's shapes: an error in the bank; a foreign question of another shape serves practice only.
    if (q.type === 'single' && q.options.length !== 4) at(p('options'), meta, 'option-count', `a multiple-choice item has exactly 4 options, found ${q.options.length}${meta === 'warning' ? PRACTICE_ONLY : ''}`, id);
    if (q.type === 'multiple' && q.options.length < 5) at(p('options'), meta, 'option-count', `a multiple-response item has at least 5 options, found ${q.options.length}${meta === 'warning' ? PRACTICE_ONLY : ''}`, id);
    if (q.type === 'multiple') {
      if (keys < 1) at(p('options'), 'error', 'key-count', 'a multiple-response item has no correct option', id);
      else if (keys < 2) at(p('options'), meta, 'key-count', `a multiple-response item has at least 2 correct options, found ${keys}${meta === 'warning' ? PRACTICE_ONLY : ''}`, id);
      if (q.select !== keys) at(p('select'), 'error', 'select-mismatch', `select is ${q.select} but ${keys} options are correct`, id);
      if (keys >= q.options.length) at(p('options'), 'error', 'key-count', 'a multiple-response item needs at least one incorrect option', id);
    }
    q.options.forEach((o, i) => {
      if (!o.why) at(p('options', i), meta, 'missing-why', `option "${o.id}" has no why`, id);
    });
  } else if (q.type === 'ordering') {
    uniqueIds(q.steps, 'steps');
    q.steps.forEach((s, i) => {
      if (!s.why) at(p('steps', i), meta, 'missing-why', `step "${s.id}" has no why`, id);
    });
  } else {
    uniqueIds(q.prompts, 'prompts');
    uniqueIds(q.responses, 'responses');
    const responses = new Set(q.responses.map((r) => r.id));
    const used = new Map<string, string>();
    q.prompts.forEach((pr, i) => {
      if (!responses.has(pr.match)) at(p('prompts', i, 'match'), 'error', 'unknown-response', `prompt "${pr.id}" matches unknown response "${pr.match}"`, id);
      const other = used.get(pr.match);
      if (other) at(p('prompts', i, 'match'), 'error', 'shared-response', `prompts "${other}" and "${pr.id}" match the same response "${pr.match}"`, id);
      used.set(pr.match, pr.id);
      if (!pr.why) at(p('prompts', i), meta, 'missing-why', `prompt "${pr.id}" has no why`, id);
    });
    const extra = q.responses.length - used.size;
    if (extra > 2) at(p('responses'), 'error', 'extra-responses', `at most 2 responses may be distractors, found ${extra}`, id);
  }

  // Metadata the bank requires; foreign items get warnings and serve practice until tagged.
  if (q.difficulty === undefined) at(p('stem'), meta, 'missing-difficulty', 'has no difficulty (1-5)', id);
  if (!q.explanation) at(p('stem'), meta, 'missing-explanation', 'has no explanation', id);
  if (!q.references || q.references.length === 0) at(p('stem'), meta, 'missing-references', 'has no documentation reference', id);
  q.references?.forEach((u, i) => {
    if (!REFERENCE_URL.test(u)) at(p('references', i), meta, 'reference-host', `reference "${u}" is not an https AWS documentation page`, id);
    else if (LANGUAGE_SEGMENT.test(u)) at(p('references', i), meta, 'reference-language', `reference "${u}" has a language segment; use the English page`, id);
  });
}

/**
 * Checks an item's per-exam tags: each exam known, and for each exam its task statement, bullets or
 * skills, module and Angoff rating, in that exam's own ids.
 */
function checkExamTags(q: Question, base: PathSegment[], examById: Map<string, ExamIndex>, meta: Severity, at: At): void {
  const id = q.id;
  if (!q.exams) {
    at([...base, 'id'], meta, 'missing-exams', 'names no exam version (exams: {mla-c02: {task, bullets, module, angoff}})', id);
    return;
  }
  for (const [examId, tag] of Object.entries(q.exams)) {
    const p = (...rest: PathSegment[]) => [...base, 'exams', examId, ...rest];
    const exam = examById.get(examId);
    if (!exam) {
      at(p(), 'error', 'unknown-exam', `unknown exam "${examId}" (known: ${[...examById.keys()].join(', ')})`, id);
      continue;
    }
    const code = exam.exam.code;
    if (!tag.task) at(p(), meta, 'missing-task', `names no ${code} task statement (task: "1.2")`, id);
    else if (!exam.taskDomain.has(tag.task)) at(p('task'), 'error', 'unknown-task', `unknown ${code} task statement "${tag.task}"`, id);
    if (!tag.bullets || tag.bullets.length === 0) at(p(), meta, 'missing-bullets', `names no ${code} bullet or skill`, id);
    tag.bullets?.forEach((b, i) => {
      const found = exam.bullets.get(b);
      if (!found) at(p('bullets', i), 'error', 'unknown-bullet', `"${b}" is not a bullet or skill of ${code}`, id);
      else if (tag.task && found.task !== tag.task) at(p('bullets', i), 'warning', 'bullet-other-task', `${code} "${b}" belongs to task ${found.task}, not ${tag.task}`, id);
    });
    const module = tag.module === undefined ? undefined : exam.modules.get(tag.module);
    if (tag.module === undefined) at(p(), meta, 'missing-module', `names no ${code} study module`, id);
    else if (!module) at(p('module'), 'error', 'unknown-module', `${code} has no study module ${tag.module}`, id);
    else if (module.kind === 'mock') at(p('module'), 'error', 'mock-module', `${code} module ${tag.module} is a mock exam, not content`, id);
    else if (module.skills && tag.bullets && !tag.bullets.some((b) => module.skills!.includes(b))) {
      at(p('module'), 'warning', 'module-skills', `${code} module ${tag.module} teaches none of ${tag.bullets.join(', ')}`, id);
    }
    if (tag.angoff === undefined) at(p(), meta, 'missing-angoff', `has no ${code} Angoff rating (0-1)`, id);
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  if (issue.code === 'unrecognized_keys') {
    const hint = issue.keys.some((k) => (EXAM_TAG_FIELDS as readonly string[]).includes(k)) ? ' (task, bullets, module and angoff go under exams.<exam id>)' : '';
    return `${where}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${hint}`;
  }
  if (issue.path[issue.path.length - 1] === 'exams' && issue.code === 'invalid_type') {
    return `${where}must map each exam id to the item's tags for that exam, e.g. exams: {mla-c02: {task: "1.2", bullets: ["1.2.s5"], module: 28, angoff: 0.6}}`;
  }
  if (issue.code === 'invalid_union' && issue.path.length === 0) return 'type must be one of single, multiple, ordering, matching, case';
  return `${where}${issue.message}`;
}
