import { bankForExam, type TaggedCaseStudy, type TaggedQuestion } from '../items/exam-tags.ts';
import { isExamShaped, type BankEntry, type Question } from '../items/item-schema.ts';
import { seededRandom, type Random } from '../util/seeded-random.ts';
import { mockMayHold, type ExamDefinition, type ExamProfile } from './exam-schema.ts';

/** One position of an assembled form. Bank ids are kept here, on the server; the client sees presentation ids. */
export interface FormEntry {
  position: number;
  itemId: string;
  caseId?: string | undefined;
  domain: string;
  scored: boolean;
  /** Bank ids of the options / steps / prompts in display order. */
  order: string[];
  /** Matching only: bank ids of the responses in display order. */
  responses?: string[] | undefined;
}

export interface Form {
  entries: FormEntry[];
}

export class ShortfallError extends Error {
  constructor(readonly shortfall: { domain: string; needed: number; available: number }[]) {
    super(
      `The bank is too small for this exam form: ${shortfall
        .map((s) => `domain ${s.domain} needs ${s.needed} items, ${s.available} available`)
        .join('; ')}.`,
    );
    this.name = 'ShortfallError';
  }
}

/** A question with what assembly needs to know about it. */
export interface PoolQuestion {
  /** The question with its tags for the exam. */
  question: TaggedQuestion;
  domain: string;
  caseStudy?: TaggedCaseStudy | undefined;
}

/**
 * Splits `total` by the domain weights with the largest-remainder method, so the parts sum to `total`:
 * q_d = floor(total * w_d / W), then the remaining units go to the largest fractional parts
 * (ties: lower domain id first). 50 at 28/26/22/24 gives 14/13/11/12.
 */
export function splitByWeight(total: number, domains: { id: string; weight: number }[]): Map<string, number> {
  const sum = domains.reduce((s, d) => s + d.weight, 0);
  const raw = domains.map((d) => ({ id: d.id, exact: (total * d.weight) / sum }));
  const out = new Map(raw.map((r) => [r.id, Math.floor(r.exact)]));
  let left = total - [...out.values()].reduce((s, n) => s + n, 0);
  const byRemainder = raw.slice().sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.id.localeCompare(b.id));
  for (const r of byRemainder) {
    if (left <= 0) break;
    out.set(r.id, (out.get(r.id) ?? 0) + 1);
    left--;
  }
  return out;
}

/**
 * Flattens bank entries into questions with their domain, keeping only those valid for the exam,
 * each with its tags for that exam. Untagged questions (imported, no task statement yet) have no
 * domain: with `allowUntagged` they come with domain '' (practice on the whole exam), otherwise they
 * are left out. `forMock` keeps only what a mock of the exam may hold: fully tagged questions of the
 * exam's mock types (case studies only where the exam has them).
 */
export function questionPool(entries: readonly BankEntry[], exam: ExamDefinition, opts: { forMock?: boolean; allowUntagged?: boolean } = {}): PoolQuestion[] {
  const taskDomain = new Map(exam.domains.flatMap((d) => d.tasks.map((t) => [t.id, d.id] as const)));
  const pool: PoolQuestion[] = [];
  const domainOf = (q: TaggedQuestion, inCase: boolean): string | undefined => {
    const d = q.task ? taskDomain.get(q.task) : undefined;
    if (d === undefined) return opts.allowUntagged ? '' : undefined;
    if (!opts.forMock) return d;
    return mockMayHold(exam, q.type, inCase) && q.angoff !== undefined && isExamShaped(q) ? d : undefined;
  };
  for (const e of bankForExam(entries, exam.id)) {
    if (e.type === 'case') {
      const domains = e.questions.map((q) => domainOf(q, true));
      if (domains.some((d) => d === undefined)) continue;
      e.questions.forEach((q, i) => pool.push({ question: q, domain: domains[i]!, caseStudy: e }));
    } else {
      const d = domainOf(e, false);
      if (d !== undefined) pool.push({ question: e, domain: d });
    }
  }
  return pool;
}

/** Shuffles a question's choices for display (ordering steps too: their written order is the key). */
export function displayOrder(q: Question, rng: Random): Pick<FormEntry, 'order' | 'responses'> {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return { order: rng.shuffle(q.options.map((o) => o.id)) };
    case 'ordering': {
      const ids = q.steps.map((s) => s.id);
      let order = rng.shuffle(ids);
      // A shuffle that happens to show the correct order would give the answer away.
      for (let i = 0; i < 5 && order.every((id, k) => id === ids[k]); i++) order = rng.shuffle(ids);
      if (order.every((id, k) => id === ids[k])) order = [...ids.slice(1), ids[0]!];
      return { order };
    }
    case 'matching':
      return { order: rng.shuffle(q.prompts.map((p) => p.id)), responses: rng.shuffle(q.responses.map((r) => r.id)) };
  }
}

export interface AssembleOptions {
  exam: ExamDefinition;
  profile: ExamProfile;
  seed: string;
  /** How often the candidate has seen each item id: the least seen are preferred. */
  seen?: ReadonlyMap<string, number>;
  /** At most this many case studies (default: one per 40 items, at least one). */
  maxCaseStudies?: number;
}

/**
 * Assembles a mock exam form from the bank by the blueprint.
 *
 * - scored and unscored counts are each split by domain weight (50 -> 14/13/11/12, 15 -> 4/4/3/4);
 * - case studies are taken whole, only where every question fits its domain's remaining quota;
 * - no item twice; the least-seen items first, ties broken by the seeded random order;
 * - within each domain, which items are unscored is drawn at random, so nothing marks them;
 * - units (items and whole case studies) are shuffled, and every item's choices too.
 */
export function assembleForm(entries: BankEntry[], opts: AssembleOptions): Form {
  const { exam, profile } = opts;
  const rng = seededRandom(opts.seed);
  const seen = opts.seen ?? new Map<string, number>();
  const scoredQuota = splitByWeight(profile.scored, exam.domains);
  const unscoredQuota = splitByWeight(profile.unscored, exam.domains);
  const remaining = new Map(exam.domains.map((d) => [d.id, (scoredQuota.get(d.id) ?? 0) + (unscoredQuota.get(d.id) ?? 0)]));

  const pool = questionPool(entries, exam, { forMock: true });
  const seenOf = (id: string) => seen.get(id) ?? 0;
  // A random tie-break key per question, drawn once, so sorting is deterministic for a seed.
  const tie = new Map(pool.map((p) => [p.question.id, rng.next()]));
  const byPreference = (a: { id: string; seen: number }, b: { id: string; seen: number }) => a.seen - b.seen || tie.get(a.id)! - tie.get(b.id)!;

  type Unit = { questions: PoolQuestion[]; caseStudy?: TaggedCaseStudy | undefined };
  const units: Unit[] = [];

  const cases = new Map<string, PoolQuestion[]>();
  for (const p of pool) if (p.caseStudy) cases.set(p.caseStudy.id, [...(cases.get(p.caseStudy.id) ?? []), p]);
  const maxCases = opts.maxCaseStudies ?? Math.max(1, Math.floor(profile.items / 40));
  const caseOrder = [...cases.entries()]
    .map(([id, qs]) => ({ id, qs, seen: Math.max(...qs.map((q) => seenOf(q.question.id))) }))
    .sort((a, b) => byPreference({ id: a.qs[0]!.question.id, seen: a.seen }, { id: b.qs[0]!.question.id, seen: b.seen }));
  for (const c of caseOrder) {
    if (units.length >= maxCases) break;
    const need = new Map<string, number>();
    for (const q of c.qs) need.set(q.domain, (need.get(q.domain) ?? 0) + 1);
    // Leave at least one slot per domain for standalone items, so a case study never fills a domain alone.
    if ([...need].every(([d, n]) => (remaining.get(d) ?? 0) - n >= 1)) {
      for (const [d, n] of need) remaining.set(d, remaining.get(d)! - n);
      units.push({ questions: c.qs, caseStudy: c.qs[0]!.caseStudy });
    }
  }

  const shortfall: { domain: string; needed: number; available: number }[] = [];
  for (const d of exam.domains) {
    const want = remaining.get(d.id) ?? 0;
    const candidates = pool
      .filter((p) => !p.caseStudy && p.domain === d.id)
      .map((p) => ({ p, id: p.question.id, seen: seenOf(p.question.id) }))
      .sort(byPreference);
    if (candidates.length < want) {
      const needed = (scoredQuota.get(d.id) ?? 0) + (unscoredQuota.get(d.id) ?? 0);
      shortfall.push({ domain: d.id, needed, available: pool.filter((p) => p.domain === d.id).length });
      continue;
    }
    for (const c of candidates.slice(0, want)) units.push({ questions: [c.p] });
  }
  if (shortfall.length > 0) throw new ShortfallError(shortfall);

  // Unscored items: drawn at random within each domain among everything selected there.
  const unscored = new Set<string>();
  for (const d of exam.domains) {
    const ids = units.flatMap((u) => u.questions).filter((q) => q.domain === d.id).map((q) => q.question.id);
    for (const id of rng.shuffle(ids).slice(0, unscoredQuota.get(d.id) ?? 0)) unscored.add(id);
  }

  const formEntries: FormEntry[] = [];
  for (const unit of rng.shuffle(units)) {
    for (const q of unit.questions) {
      formEntries.push({
        position: formEntries.length,
        itemId: q.question.id,
        caseId: unit.caseStudy?.id,
        domain: q.domain,
        scored: !unscored.has(q.question.id),
        ...displayOrder(q.question, rng),
      });
    }
  }
  return { entries: formEntries };
}

export interface PracticeOptions {
  exam: ExamDefinition;
  seed: string;
  count: number;
  domains?: string[] | undefined;
  tasks?: string[] | undefined;
  modules?: number[] | undefined;
  /** Bullets or skills in the exam's ids: a question listing any of them matches. */
  skills?: string[] | undefined;
  /** Only these item ids (spaced repetition: the items due for review), in this priority order. */
  only?: string[] | undefined;
  /** Items never to serve (those of the user's open mock exams). */
  exclude?: ReadonlySet<string> | undefined;
  seen?: ReadonlyMap<string, number>;
  /** Only the kinds of question the exam itself asks (a module quiz: C02 asks no ordering, matching or case study). */
  examTypesOnly?: boolean;
}

/** Assembles a practice set: questions matching the filters, least seen first, every one scored. */
export function assemblePractice(entries: BankEntry[], opts: PracticeOptions): Form {
  const rng = seededRandom(opts.seed);
  const seen = opts.seen ?? new Map<string, number>();
  const onlyRank = opts.only ? new Map(opts.only.map((id, i) => [id, i])) : undefined;
  const filtered = !!(opts.domains?.length || opts.tasks?.length || opts.modules?.length || opts.skills?.length);
  const pool = questionPool(entries, opts.exam, { allowUntagged: !filtered }).filter((p) => {
    const q = p.question;
    if (onlyRank && !onlyRank.has(q.id)) return false;
    if (opts.exclude?.has(q.id)) return false;
    if (opts.examTypesOnly && !mockMayHold(opts.exam, q.type, !!p.caseStudy)) return false;
    if (opts.domains?.length && !opts.domains.includes(p.domain)) return false;
    if (opts.tasks?.length && !opts.tasks.includes(q.task!)) return false;
    if (opts.modules?.length && !(q.module !== undefined && opts.modules.includes(q.module))) return false;
    if (opts.skills?.length && !(q.bullets ?? []).some((b) => opts.skills!.includes(b))) return false;
    return true;
  });
  const tie = new Map(pool.map((p) => [p.question.id, rng.next()]));
  const rank = (p: PoolQuestion) => (onlyRank ? onlyRank.get(p.question.id)! : (seen.get(p.question.id) ?? 0));
  const chosen = pool.sort((a, b) => rank(a) - rank(b) || tie.get(a.question.id)! - tie.get(b.question.id)!).slice(0, opts.count);
  const ordered = onlyRank ? chosen : rng.shuffle(chosen);
  return {
    entries: ordered.map((p, position) => ({
      position,
      itemId: p.question.id,
      caseId: p.caseStudy?.id,
      domain: p.domain,
      scored: true,
      ...displayOrder(p.question, rng),
    })),
  };
}
