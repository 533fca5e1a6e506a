import type { Kysely } from 'kysely';
import { questionPool } from '../../core/exam/assemble-form.ts';
import type { ExamDefinition } from '../../core/exam/exam-schema.ts';
import { bankForExam, forExam, taggedQuestions, type TaggedCaseStudy, type TaggedQuestion } from '../../core/items/exam-tags.ts';
import { entryQuestions, type BankEntry } from '../../core/items/item-schema.ts';
import type { ItemParameters } from '../../core/measure/ability.ts';
import { scoringContext, type ScoringContext } from '../../core/scoring/irt-score.ts';
import { referenceForm } from '../../core/exam/reference-form.ts';
import { itemParams } from '../../db/repositories/item-params.ts';
import { responses } from '../../db/repositories/responses.ts';
import { attempts } from '../../db/repositories/attempts.ts';
import { exposureRates, ineligibleItems, updateEligibility } from '../../core/measure/adaptive-next.ts';
import { seededRandom } from '../../core/util/seeded-random.ts';
import { QUICK_CHECK_MAX_EXPOSURE } from './quick-check.ts';
import { items } from '../../db/repositories/items.ts';
import type { Database } from '../../db/schema.ts';

/** Exposure is measured over an exam's latest quick checks, once there are enough of them. */
const RECENT_CHECKS = 500;
const MIN_CHECKS_FOR_EXPOSURE = 50;

/**
 * A question resolved from a stored item version (a standalone item, or one question of a case
 * study), with its tags for the attempt's exam.
 */
export interface ResolvedQuestion {
  question: TaggedQuestion;
  caseStudy?: TaggedCaseStudy | undefined;
  versionId: string;
}

/**
 * The bank as the server uses it: the active entries of the built-in collection, and every item
 * version an attempt may point to (kept in memory once read: versions never change).
 */
export class BankService {
  private versions = new Map<string, BankEntry>();
  private active: { entry: BankEntry; versionId: string; collection: string }[] = [];
  readonly exams: Map<string, ExamDefinition>;

  constructor(
    private readonly db: Kysely<Database>,
    exams: ExamDefinition[],
  ) {
    this.exams = new Map(exams.map((e) => [e.id, e]));
  }

  private calibrated = new Map<string, ItemParameters>();
  private irtByExam = new Map<string, ScoringContext>();
  /** Each exam's reference form frozen with the latest calibration (absent: the current one is used). */
  private frozenReference = new Map<string, Map<string, number>>();
  /** Items the latest calibration flagged (e.g. a negative slope: check the key); the adaptive check skips them. */
  private flagged = new Set<string>();
  /** How the responses so far went on each item: places the population before any calibration. */
  private tallies = new Map<string, { responses: number; correct: number }>();

  /** Each exam's Sympson–Hetter eligibility for the adaptive check (items absent are fully eligible). */
  private eligibility = new Map<string, Map<string, number>>();
  private poolByExam = new Map<string, Map<string, { domain: string; task: string | undefined }>>();

  /** The current version id of each active question id (derived in `refresh`). */
  private versionOf = new Map<string, string>();

  /** Items of imported collections left out because the id is already taken (the built-in bank wins). */
  shadowed: string[] = [];

  /**
   * Reads the active items: the built-in bank and every imported collection. Imported items without
   * full metadata serve practice only (`questionPool` leaves them out of mocks); an imported id that
   * clashes with one already loaded is left out and listed in `shadowed`.
   */
  async refresh(): Promise<void> {
    const seen = new Set<string>();
    this.shadowed = [];
    const active: { entry: BankEntry; versionId: string; collection: string }[] = [];
    for (const a of await items.allActive(this.db)) {
      const ids = [...new Set([a.entry.id, ...entryQuestions(a.entry).map((q) => q.id)])];
      if (ids.some((id) => seen.has(id))) {
        this.shadowed.push(`${a.collection}:${a.entry.id}`);
        continue;
      }
      for (const id of ids) seen.add(id);
      active.push(a);
    }
    this.active = active;
    this.versionOf = new Map();
    for (const a of this.active) {
      this.versions.set(a.versionId, a.entry);
      for (const q of entryQuestions(a.entry)) this.versionOf.set(q.id, a.versionId);
    }
    await this.refreshParameters();
    this.irtByExam.clear();
    this.poolByExam.clear();
  }

  /**
   * The questions valid for an exam (practice pool, imported untagged ones included), each with its
   * domain in that exam ('' when untagged): what progress and the review queue of that exam count.
   */
  domainsOf(examId: string): ReadonlyMap<string, string> {
    return new Map([...this.placesOf(examId)].map(([id, p]) => [id, p.domain]));
  }

  /** As `domainsOf`, with each question's task statement in that exam (undefined when untagged). */
  placesOf(examId: string): ReadonlyMap<string, { domain: string; task: string | undefined }> {
    let pool = this.poolByExam.get(examId);
    if (!pool) {
      const exam = this.exams.get(examId);
      pool = new Map(exam ? questionPool(this.activeEntries(), exam, { allowUntagged: true }).map((p) => [p.question.id, { domain: p.domain, task: p.question.task }]) : []);
      this.poolByExam.set(examId, pool);
    }
    return pool;
  }

  flaggedItems(): ReadonlySet<string> {
    return this.flagged;
  }

  /** The items one quick check leaves out for exposure control, fixed by its seed for its whole length. */
  quickCheckIneligible(examId: string, seed: string): Set<string> {
    return ineligibleItems(this.eligibility.get(examId) ?? new Map(), (id) => seededRandom(`${seed}:eligible:${id}`).next());
  }

  /** Reads the latest calibration; reports use IRT once one exists. */
  async refreshParameters(): Promise<void> {
    this.calibrated = await itemParams.all(this.db);
    this.tallies = await responses.tallies(this.db);
    const latest = await itemParams.latest(this.db);
    this.frozenReference = new Map();
    this.flagged = new Set();
    if (latest) {
      for (const l of await itemParams.leftOut(this.db, latest.id)) if (l.flagged) this.flagged.add(l.itemId);
      for (const examId of this.exams.keys()) {
        const form = await itemParams.reference(this.db, latest.id, examId);
        if (form.size > 0) this.frozenReference.set(examId, form);
      }
    }
    // Sympson–Hetter eligibility of the adaptive check, from each item's share of its last checks.
    for (const examId of this.exams.keys()) {
      const recent = await attempts.recentItemLists(this.db, 'quick', examId, RECENT_CHECKS);
      if (recent.length >= MIN_CHECKS_FOR_EXPOSURE) {
        this.eligibility.set(examId, updateEligibility(this.eligibility.get(examId) ?? new Map(), exposureRates(recent), QUICK_CHECK_MAX_EXPOSURE));
      }
    }
    this.irtByExam.clear();
  }

  /**
   * The IRT scoring context of an exam once the bank has been calibrated (else undefined: reports
   * use the Angoff scale; or, with `allowProvisional`, provisional parameters only): calibrated
   * parameters, provisional ones for items not yet calibrated placed at the cut, and the cut ability
   * of the exam's reference form as frozen with the calibration (`scoringContext`).
   */
  irt(examId: string, opts: { allowProvisional?: boolean } = {}): ScoringContext | undefined {
    if (this.calibrated.size === 0 && !opts.allowProvisional) return undefined;
    let ctx = this.irtByExam.get(examId);
    const exam = this.exams.get(examId);
    if (!ctx && exam) {
      // Parameters belong to the item (one calibration for every exam); the cut is the exam's own:
      // its reference form is what its mocks may hold, with the Angoff ratings given for that exam.
      const current = referenceForm(this.activeEntries(), exam);
      // Practice-only questions valid for the exam still get provisional parameters for the quick check and reports.
      const ratings = new Map(current);
      for (const entry of bankForExam(this.activeEntries(), examId)) {
        for (const q of taggedQuestions(entry)) if (q.angoff !== undefined && !ratings.has(q.id)) ratings.set(q.id, q.angoff);
      }
      const tallies = [...ratings].flatMap(([id, rating]) => {
        const t = this.tallies.get(id);
        return t ? [{ rating, ...t }] : [];
      });
      ctx = scoringContext(this.calibrated, ratings, this.frozenReference.get(examId) ?? current, exam.profiles.standard?.scored ?? 50, tallies);
      this.irtByExam.set(examId, ctx);
    }
    return ctx;
  }

  activeEntries(): BankEntry[] {
    return this.active.map((a) => a.entry);
  }

  /** The active entry holding a question (itself, or its case study), its version and collection. */
  current(questionId: string): { entry: BankEntry; versionId: string; collection: string } | undefined {
    const versionId = this.versionOf.get(questionId);
    return versionId === undefined ? undefined : this.active.find((a) => a.versionId === versionId);
  }

  /** The current version id of each active question id (case-study questions map to their case's version). */
  currentVersions(): ReadonlyMap<string, string> {
    return this.versionOf;
  }

  exam(id: string): ExamDefinition | undefined {
    return this.exams.get(id);
  }

  /**
   * Resolves question ids in the versions an attempt recorded, with their tags for the attempt's exam
   * (an item an attempt holds stays readable even if a later bank version untags it for that exam).
   */
  async resolve(refs: { itemId: string; versionId: string }[], examId: string): Promise<Map<string, ResolvedQuestion>> {
    const missing = [...new Set(refs.map((r) => r.versionId))].filter((v) => !this.versions.has(v));
    if (missing.length > 0) for (const [id, entry] of await items.versions(this.db, missing)) this.versions.set(id, entry);
    const out = new Map<string, ResolvedQuestion>();
    for (const r of refs) {
      const stored = this.versions.get(r.versionId);
      if (!stored) throw new Error(`item version ${r.versionId} is missing`);
      const entry = forExam(stored, examId) ?? forExam(withoutTags(stored), examId)!;
      if (entry.type === 'case') {
        const question = entry.questions.find((q) => q.id === r.itemId);
        if (!question) throw new Error(`question ${r.itemId} is missing from ${r.versionId}`);
        out.set(r.itemId, { question, caseStudy: entry, versionId: r.versionId });
      } else out.set(r.itemId, { question: entry, versionId: r.versionId });
    }
    return out;
  }

  /** Question counts per task statement, bullet or skill, and syllabus module, for the catalogue. */
  counts(examId: string): { byTask: Map<string, number>; byBullet: Map<string, number>; byModule: Map<number, number> } {
    const byTask = new Map<string, number>();
    const byBullet = new Map<string, number>();
    const byModule = new Map<number, number>();
    const add = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
    for (const entry of bankForExam(this.activeEntries(), examId)) {
      for (const q of taggedQuestions(entry)) {
        if (q.task) add(byTask, q.task);
        for (const b of q.bullets ?? []) add(byBullet, b);
        if (q.module !== undefined) add(byModule, q.module);
      }
    }
    return { byTask, byBullet, byModule };
  }
}

/** The entry without any exam tags: how an attempt reads an item that is no longer tagged for its exam. */
function withoutTags(entry: BankEntry): BankEntry {
  const strip = <T extends { exams?: unknown }>(q: T): T => {
    const { exams: _exams, ...rest } = q;
    return rest as T;
  };
  return entry.type === 'case' ? { ...entry, questions: entry.questions.map(strip) } : strip(entry);
}
