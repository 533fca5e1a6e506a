import type { ExamIndex } from '../../core/exam/exam-schema.ts';
import type { BankEntry } from '../../core/items/item-schema.ts';
import type { FormatProblem } from '../common/format-problem.ts';
import { DEFAULT_LIMITS, type ImportLimits } from '../common/limits.ts';
import { parseFormat, type ImportFormat } from './import-formats.ts';

/** Where imported items are kept: a named collection. The database implements it; so does a YAML folder. */
export interface ImportStore {
  existingIds(collection: string): Promise<Set<string>>;
  saveItems(collection: string, entries: BankEntry[], options: { update: boolean }): Promise<void>;
}

export type ItemStatus = 'imported' | 'lossy' | 'rejected' | 'skipped';
export interface ReportedProblem {
  code: string;
  message: string;
  line?: number;
  column?: number;
  path?: string;
}
export interface ItemReport {
  id: string;
  status: ItemStatus;
  problems: ReportedProblem[];
}

/**
 * The JSON report of `certprep import --json`; `imported` counts lossy items too. A problem of the
 * whole file (a syntax error, a size limit, an unreadable encoding) is an item named after the file,
 * rejected; a file-level warning (an unknown column) is in `warnings`, whatever else happened.
 */
export interface ImportReport {
  imported: number;
  rejected: number;
  lossy: number;
  skipped: number;
  items: ItemReport[];
  warnings: ReportedProblem[];
}

/** The report of a file that could not be read at all (missing, too large): the same shape as any other. */
export function fileRejected(file: string, code: string, message: string): ImportReport {
  return { imported: 0, rejected: 1, lossy: 0, skipped: 0, items: [{ id: file, status: 'rejected', problems: [{ code, message }] }], warnings: [] };
}

export interface ImportPlan {
  collection: string;
  report: ImportReport;
  /** The entries the apply step will save (imported and lossy ones). */
  entries: BankEntry[];
  /** False when the import must not be applied: something was rejected and `skipInvalid` is off. */
  applicable: boolean;
  update: boolean;
}

export interface PlanOptions {
  format: ImportFormat;
  collection: string;
  /** Replace items whose id is already in the collection (otherwise they are skipped). */
  update?: boolean;
  /** Import the valid items even when others are rejected (otherwise the import is all or nothing). */
  skipInvalid?: boolean;
  limits?: ImportLimits;
  exams?: ExamIndex[];
  /** Name of the input file, for messages. */
  file?: string;
}

function report(p: FormatProblem): ReportedProblem {
  const out: ReportedProblem = { code: p.code, message: p.message };
  if (p.line !== undefined) out.line = p.line;
  if (p.column !== undefined) out.column = p.column;
  if (p.path !== undefined) out.path = p.path;
  return out;
}

/**
 * Plans an import without writing anything: parses the file, runs the structural checks, and
 * decides each item's fate. Problems that concern the whole file (a syntax error, a size limit)
 * appear as one rejected entry named after the file, so the report keeps its documented shape.
 */
export async function planImport(input: Uint8Array, store: Pick<ImportStore, 'existingIds'> | undefined, options: PlanOptions): Promise<ImportPlan> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const file = options.file ?? 'input';
  const parsed =
    input.length > limits.maxFileBytes
      ? { entries: [], seen: [], problems: [{ severity: 'error' as const, code: 'limit', message: `file is ${(input.length / 1048576).toFixed(1)} MB, larger than the limit of ${(limits.maxFileBytes / 1048576).toFixed(1)} MB (--max-file-mb)` }] }
      : parseFormat(options.format, input, { limits, file, ...(options.exams ? { exams: options.exams } : {}) });
  const existing = store ? await store.existingIds(options.collection) : new Set<string>();
  const byId = new Map<string, FormatProblem[]>();
  const fileProblems: FormatProblem[] = [];
  for (const p of parsed.problems) {
    if (p.itemId === undefined) fileProblems.push(p);
    else (byId.get(p.itemId) ?? byId.set(p.itemId, []).get(p.itemId)!).push(p);
  }
  const accepted = new Map(parsed.entries.map((e) => [e.id, e]));
  const items: ItemReport[] = [];
  const entries: BankEntry[] = [];
  if (fileProblems.some((p) => p.severity === 'error')) items.push({ id: file, status: 'rejected', problems: fileProblems.filter((p) => p.severity === 'error').map(report) });
  const warnings = fileProblems.filter((p) => p.severity !== 'error').map(report);
  // A file with nothing in it for this format is refused with a reason, never "0 imported".
  if (parsed.seen.length === 0 && !fileProblems.some((p) => p.severity === 'error')) {
    const empty = input.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xef || b === 0xbb || b === 0xbf);
    items.push({ id: file, status: 'rejected', problems: [{ code: empty ? 'empty' : 'no-questions', message: empty ? 'the file is empty' : `no questions found: is this a ${options.format} file?` }] });
  }
  const seen = new Set<string>();
  for (const id of parsed.seen) {
    if (seen.has(id)) continue; // a duplicate id: its error is already on the first report
    seen.add(id);
    const problems = byId.get(id) ?? [];
    const entry = accepted.get(id);
    let status: ItemStatus;
    if (problems.some((p) => p.severity === 'error') || (!entry && !problems.some((p) => p.code === 'skipped'))) status = 'rejected';
    else if (!entry) status = 'skipped';
    else if (existing.has(id) && !options.update) {
      status = 'skipped';
      problems.push({ severity: 'warning', code: 'exists', message: `already in collection "${options.collection}" (use --update to replace it)`, itemId: id });
    } else {
      status = problems.some((p) => p.code === 'lossy') ? 'lossy' : 'imported';
      entries.push(entry);
    }
    items.push({ id, status, problems: problems.map(report) });
  }
  const count = (s: ItemStatus) => items.filter((i) => i.status === s).length;
  const rejected = count('rejected');
  return {
    collection: options.collection,
    report: { imported: count('imported') + count('lossy'), rejected, lossy: count('lossy'), skipped: count('skipped'), items, warnings },
    entries,
    applicable: rejected === 0 || !!options.skipInvalid,
    update: !!options.update,
  };
}

/** Applies a plan: saves its entries in one call to the store, or refuses a plan that is not applicable. */
export async function applyImport(plan: ImportPlan, store: ImportStore): Promise<void> {
  if (!plan.applicable) throw new Error(`import refused: ${plan.report.rejected} item(s) rejected; nothing was written (use --skip-invalid to import the valid ones)`);
  if (plan.entries.length === 0) return;
  await store.saveItems(plan.collection, plan.entries, { update: plan.update });
}
