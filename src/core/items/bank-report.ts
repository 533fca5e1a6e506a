import { mockMayHold, type ExamDefinition, type ExamIndex } from '../exam/exam-schema.ts';
import { bankForExam, type TaggedQuestion } from './exam-tags.ts';
import { type BankEntry, type QuestionType } from './item-schema.ts';

/** The bank's targets beyond the domain weights (the minimums agreed for the first release). */
export interface BankMinimums {
  perTask: number;
  /** Questions per bullet or skill in the pool a mock may draw on. */
  perBullet: number;
  /** The same for a skill the exam version added (defaults to perBullet). */
  perNewBullet?: number;
  /** Share of items that are multiple response, 0-1. */
  multipleShare: number;
  ordering: number;
  matching: number;
  caseStudies: number;
  /** Each of these author difficulties must occur at least once. */
  difficulties: number[];
  /** A domain whose share of items is further than this (percentage points) from its weight is a gap. */
  domainTolerance: number;
}

export const DEFAULT_MINIMUMS: BankMinimums = {
  perTask: 15,
  perBullet: 2,
  multipleShare: 0.2,
  ordering: 15,
  matching: 15,
  caseStudies: 8,
  difficulties: [1, 2, 3, 4, 5],
  domainTolerance: 5,
};

/** The minimums for an exam: its coverage targets, and no ordering, matching or case-study targets where its mocks have none. */
export function examMinimums(exam: ExamDefinition, base: BankMinimums = DEFAULT_MINIMUMS): BankMinimums {
  const has = (t: (typeof exam.mockTypes)[number]) => exam.mockTypes.includes(t);
  return {
    ...base,
    perBullet: exam.coverage.perBullet,
    ...(exam.coverage.perNewBullet !== undefined ? { perNewBullet: exam.coverage.perNewBullet } : {}),
    ordering: has('ordering') ? base.ordering : 0,
    matching: has('matching') ? base.matching : 0,
    caseStudies: has('case') ? base.caseStudies : 0,
  };
}

export interface BankReport {
  exam: string;
  /** Scorable questions valid for the exam: standalone items plus every case-study question. */
  items: number;
  byDomain: Record<string, number>;
  byTask: Record<string, number>;
  /** Questions per bullet or skill among those a mock of the exam may draw on (zeros included). */
  byBullet: Record<string, number>;
  /** Questions a mock of the exam may draw on: fully tagged, of the exam's mock types. */
  mockPool: number;
  byType: Record<QuestionType, number>;
  /** Author difficulty "1"-"5", and "unrated" for items without one. */
  byDifficulty: Record<string, number>;
  /** Items by task statement and type, for the table. */
  byTaskType: Record<string, Record<QuestionType, number>>;
  byTaskDifficulty: Record<string, Record<string, number>>;
  /** Case studies (scenarios) valid for the exam. */
  caseStudies: number;
  /** Bullets tested by fewer than their target (`perBullet`, `perNewBullet`) mock-pool items, in exam order. */
  bulletsUncovered: string[];
  domains: { id: string; name: string; weight: number; items: number; share: number; targetShare: number }[];
  tasks: { id: string; domain: string; title: string; items: number }[];
  gaps: string[];
  minimums: BankMinimums;
}

const zeroTypes = (): Record<QuestionType, number> => ({ single: 0, multiple: 0, ordering: 0, matching: 0 });

/**
 * Counts the bank against an exam's blueprint: items by domain, task statement, bullet, type and
 * difficulty, and the gaps to the minimums. A domain's target share is weight_d / sum of weights.
 * Only questions tagged for this exam are counted, with their tags for it. Bullet counts are over the
 * mock pool (the exam's mock types, fully tagged), since coverage is what a mock can draw on.
 */
export function bankReport(entries: BankEntry[], exam: ExamIndex, minimums: BankMinimums = examMinimums(exam.exam)): BankReport {
  const def = exam.exam;
  const byDomain: Record<string, number> = Object.fromEntries(def.domains.map((d) => [d.id, 0]));
  const tasks = def.domains.flatMap((d) => d.tasks.map((t) => ({ id: t.id, domain: d.id, title: t.title })));
  const byTask: Record<string, number> = Object.fromEntries(tasks.map((t) => [t.id, 0]));
  const byTaskType = Object.fromEntries(tasks.map((t) => [t.id, zeroTypes()]));
  const byTaskDifficulty: Record<string, Record<string, number>> = Object.fromEntries(tasks.map((t) => [t.id, {}]));
  const byBullet: Record<string, number> = Object.fromEntries([...exam.bullets.keys()].map((b) => [b, 0]));
  const byType = zeroTypes();
  const byDifficulty: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, unrated: 0 };
  let items = 0;
  let caseStudies = 0;
  let mockPool = 0;

  const count = (q: TaggedQuestion, inCase: boolean) => {
    items += 1;
    byType[q.type] += 1;
    const diff = q.difficulty === undefined ? 'unrated' : String(q.difficulty);
    byDifficulty[diff] = (byDifficulty[diff] ?? 0) + 1;
    const domain = q.task ? exam.taskDomain.get(q.task) : undefined;
    if (q.task && domain) {
      byDomain[domain] = (byDomain[domain] ?? 0) + 1;
      byTask[q.task] = (byTask[q.task] ?? 0) + 1;
      byTaskType[q.task]![q.type] += 1;
      const perDiff = byTaskDifficulty[q.task]!;
      perDiff[diff] = (perDiff[diff] ?? 0) + 1;
    }
    const inPool = mockMayHold(def, q.type, inCase) && !!domain && q.angoff !== undefined;
    if (!inPool) return;
    mockPool += 1;
    for (const b of new Set(q.bullets ?? [])) if (b in byBullet) byBullet[b]! += 1;
  };
  for (const e of bankForExam(entries, def.id)) {
    // Untagged foreign items serve practice on any exam but are not part of an exam's bank.
    if (e.type === 'case' ? !e.questions.some((q) => q.exams) : !e.exams) continue;
    if (e.type === 'case') {
      caseStudies += 1;
      for (const q of e.questions) count(q, true);
    } else count(e, false);
  }

  const totalWeight = def.domains.reduce((s, d) => s + d.weight, 0);
  const domains = def.domains.map((d) => ({
    id: d.id,
    name: d.name,
    weight: d.weight,
    items: byDomain[d.id] ?? 0,
    share: items ? (byDomain[d.id] ?? 0) / items : 0,
    targetShare: d.weight / totalWeight,
  }));
  const target = (b: string) => (exam.bullets.get(b)?.new ? (minimums.perNewBullet ?? minimums.perBullet) : minimums.perBullet);
  const bulletsUncovered = Object.entries(byBullet).filter(([b, n]) => n < target(b)).map(([b]) => b);

  const gaps: string[] = [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  for (const d of domains) {
    const off = (d.share - d.targetShare) * 100;
    if (items > 0 && Math.abs(off) > minimums.domainTolerance) {
      const target = Math.round(d.targetShare * items);
      gaps.push(`domain ${d.id} ${d.name}: ${pct(d.share)} of items, weight ${pct(d.targetShare)} (${off > 0 ? 'over' : `${target - d.items} more to reach`} its share)`);
    }
  }
  for (const t of tasks) {
    const n = byTask[t.id] ?? 0;
    if (n < minimums.perTask) gaps.push(`task ${t.id} ${t.title}: ${plural(n, 'item')}, needs ${minimums.perTask} (${minimums.perTask - n} more)`);
  }
  for (const b of bulletsUncovered) {
    const n = byBullet[b]!;
    gaps.push(`${b.includes('.k') ? 'bullet' : 'skill'} ${b} "${exam.bullets.get(b)!.text}": ${plural(n, 'item')} a mock may use, needs ${target(b)}`);
  }
  const neededMultiple = Math.ceil(minimums.multipleShare * items - 1e-9);
  if (byType.multiple < neededMultiple || items === 0) {
    gaps.push(`multiple response: ${byType.multiple} of ${items} items (${pct(items ? byType.multiple / items : 0)}), needs ${pct(minimums.multipleShare)}${items ? ` (${neededMultiple - byType.multiple} more)` : ''}`);
  }
  if (byType.ordering < minimums.ordering) gaps.push(`ordering: ${plural(byType.ordering, 'item')}, needs ${minimums.ordering}`);
  if (byType.matching < minimums.matching) gaps.push(`matching: ${plural(byType.matching, 'item')}, needs ${minimums.matching}`);
  if (caseStudies < minimums.caseStudies) gaps.push(`case studies: ${caseStudies}, needs ${minimums.caseStudies}`);
  for (const d of minimums.difficulties) if (!byDifficulty[String(d)]) gaps.push(`difficulty ${d}: no items`);
  if (byDifficulty.unrated) gaps.push(`difficulty: ${plural(byDifficulty.unrated!, 'item')} without one`);

  return {
    exam: def.id,
    items,
    byDomain,
    byTask,
    byBullet,
    mockPool,
    byType,
    byDifficulty,
    byTaskType,
    byTaskDifficulty,
    caseStudies,
    bulletsUncovered,
    domains,
    tasks: tasks.map((t) => ({ ...t, items: byTask[t.id] ?? 0 })),
    gaps,
    minimums,
  };
}

/**
 * The report's stable machine-readable summary (`certprep bank report --exam ID --json`): `items`
 * counts every question valid for the exam (practice-only types included), `bySkill` and `mockPool`
 * only those a mock of the exam may draw on, `uncovered` the bullets or skills below target.
 */
export function bankReportSummary(r: BankReport) {
  return {
    exam: r.exam,
    items: r.items,
    byDomain: r.byDomain,
    byTask: r.byTask,
    bySkill: r.byBullet,
    byType: r.byType,
    caseStudies: r.caseStudies,
    mockPool: r.mockPool,
    uncovered: r.bulletsUncovered,
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

