import { EXAM_TAG_FIELDS, type BankEntry } from './item-schema.ts';
type Loose = Record<string, unknown>;

/**
 * Reads an entry stored before items were tagged per exam (`exams: [mla-c01]` with `task`,
 * `bullets`, `module`, `angoff` at the top level; a case study's `exams` on the case) in today's
 * format: `exams: {mla-c01: {task, bullets, module, angoff}}` on every question. Item versions are
 * immutable, so attempts started before the change still point to such versions. Entries already
 * in today's format are returned unchanged.
 */
export function upgradeEntry(value: unknown): BankEntry {
  const v = value as Loose;
  if (v.type === 'case') {
    const legacy = Array.isArray(v.exams) ? (v.exams as string[]) : undefined;
    if (!legacy && !(v.questions as Loose[]).some(isLegacy)) return value as BankEntry;
    const { exams: _caseExams, ...rest } = v;
    return { ...rest, questions: (v.questions as Loose[]).map((q) => upgradeQuestion(q, legacy)) } as BankEntry;
  }
  return (isLegacy(v) ? upgradeQuestion(v, undefined) : v) as BankEntry;
}

function isLegacy(q: Loose): boolean {
  return Array.isArray(q.exams) || EXAM_TAG_FIELDS.some((f) => f in q);
}

function upgradeQuestion(q: Loose, inherited: string[] | undefined): Loose {
  if (!isLegacy(q)) return q;
  const out: Loose = {};
  const tag: Loose = {};
  for (const [k, val] of Object.entries(q)) {
    if ((EXAM_TAG_FIELDS as readonly string[]).includes(k)) tag[k] = val;
    else if (k !== 'exams') out[k] = val;
  }
  const examIds = Array.isArray(q.exams) ? (q.exams as string[]) : inherited;
  if (examIds && examIds.length > 0) out.exams = Object.fromEntries(examIds.map((id) => [id, { ...tag }]));
  return out;
}
