import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AttemptView, ItemReview, SaveAck, SaveAnswer, ScoreReport, StartAttempt, User } from '../../core/api/contracts.ts';
import { AnswerShapeError, presentItem, reviewItem, toBankAnswer, toPresentedAnswer } from '../../core/exam/present-item.ts';
import { isAnswered, scoreQuestion, type BankAnswer } from '../../core/scoring/score-question.ts';
import { answers } from '../../db/repositories/answers.ts';
import { attempts, type AttemptRecord, type StoredFormEntry } from '../../db/repositories/attempts.ts';
import { itemNotes } from '../../db/repositories/item-notes.ts';
import { reviewCards } from '../../db/repositories/review-cards.ts';
import { revealedKeys } from '../../db/repositories/revealed-keys.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, badRequest, conflict, notFound } from '../errors.ts';
import { assembleAttempt, normalizeStart, practiceScope } from './attempt-assembly.ts';
import { checkAttemptLimits } from './attempt-limits.ts';
import { closeAttempt } from './close-attempt.ts';
import { recordResponses } from './record-responses.ts';
import type { AnswerWriter } from './answer-writer.ts';
import type { BankService } from './bank-service.ts';
import { AttemptLoader, type Loaded } from './attempt-loader.ts';
import { nextQuickEntry } from './quick-check.ts';

/** A save that reaches the server this long after the deadline still counts (network latency). */
const SAVE_GRACE_MS = 3000;
/** Expired attempts submitted per sweep (every 5 s): 240 a minute, each in its own short transaction. */
const SWEEP_BATCH = 20;

export interface AttemptDeps {
  db: Kysely<Database>;
  bank: BankService;
  writer: AnswerWriter;
  now: () => number;
  newId: () => string;
}

/** Attempts (mock exams and practice): assembly, autosave, feedback, submission, scoring. */
export class AttemptService {
  private readonly loader: AttemptLoader;

  constructor(private readonly deps: AttemptDeps) {
    this.loader = new AttemptLoader(deps);
  }

  async start(user: User, request: StartAttempt): Promise<AttemptView> {
    const req = normalizeStart(request);
    const { db, bank, now } = this.deps;
    const exam = bank.exam(req.exam);
    if (!exam) throw notFound(`Exam "${req.exam}"`);
    await checkAttemptLimits(db, user, now());
    const id = this.deps.newId();
    // A secret seed: option orders and unscored positions cannot be recomputed from what the browser sees.
    const seed = randomBytes(16).toString('base64url');
    const seen = await attempts.shownCounts(db, user.id);
    const due = req.kind === 'practice' && req.review ? await reviewCards.due(db, user.id, now(), 5000) : undefined;
    const bookmarks = req.kind === 'practice' && req.bookmarked ? await itemNotes.bookmarkedIds(db, user.id) : undefined;
    // Practice and the quick check reveal keys: they never serve an item of the user's open mock exams.
    const exclude = req.kind === 'mock' ? undefined : await attempts.openMockItems(db, user.id);
    const { entries, deadlineMs } = assembleAttempt({ bank, exam, req, seed, now: now(), seen, due, bookmarks, exclude });
    const versions = bank.currentVersions();
    const form: StoredFormEntry[] = entries.map((e) => ({ ...e, versionId: versions.get(e.itemId)! }));
    await attempts.insert(db, {
      id,
      userId: user.id,
      kind: req.kind,
      exam: exam.id,
      profile: req.kind === 'mock' ? req.profile : null,
      feedback: req.kind === 'practice' ? req.feedback : 'end',
      // Quick check: the items it will have; practice: the items asked for (the form may hold fewer).
      target: req.kind === 'quick' || req.kind === 'practice' ? req.count : null,
      accommodation: req.kind === 'mock' ? (req.accommodation ?? null) : null,
      extraMinutes: req.kind === 'mock' ? (req.extraMinutes ?? null) : null,
      scope: req.kind === 'practice' ? practiceScope(req, entries.length) : null,
      seed,
      startedMs: now(),
      deadlineMs,
      form,
    });
    return this.view(user, id);
  }

  /** The attempt as the candidate sees it; an attempt past its deadline is submitted first. */
  async view(user: User, id: string): Promise<AttemptView> {
    let loaded = await this.load(user, id);
    if (loaded.record.status === 'open' && this.expired(loaded.record)) {
      await this.finishOnce(loaded);
      loaded = await this.load(user, id);
    }
    const { record, questions } = loaded;
    const stored = await answers.byAttempt(this.deps.db, id);
    const caseCounts = new Map<string, number>();
    for (const e of record.form) if (e.caseId) caseCounts.set(e.caseId, (caseCounts.get(e.caseId) ?? 0) + 1);
    const caseIndex = new Map<string, number>();
    const items = record.form.map((e) => {
      const r = questions.get(e.itemId)!;
      let ctx;
      if (e.caseId && r.caseStudy) {
        const index = (caseIndex.get(e.caseId) ?? 0) + 1;
        caseIndex.set(e.caseId, index);
        ctx = { caseStudy: r.caseStudy, index, count: caseCounts.get(e.caseId)! };
      }
      return presentItem(r.question, e, ctx);
    });
    const answersView: AttemptView['answers'] = {};
    for (const a of stored) {
      const e = record.form[a.position];
      if (!e) continue;
      answersView[String(a.position)] = {
        answer: a.answer ? toPresentedAnswer(questions.get(e.itemId)!.question, e, a.answer) : null,
        flagged: a.flagged,
        struck: a.struck,
        revision: a.revision,
        ...(a.checked ? { checked: true } : {}),
      };
    }
    return {
      id: record.id,
      kind: record.kind,
      ...(record.target !== null ? { target: record.target } : {}),
      exam: record.exam,
      profile: record.profile,
      feedback: record.feedback,
      status: record.status,
      startedAt: new Date(record.startedMs).toISOString(),
      deadline: record.deadlineMs === null ? null : new Date(record.deadlineMs).toISOString(),
      ...(record.pausedRemainingMs !== null ? { pausedRemainingMs: record.pausedRemainingMs } : {}),
      serverNow: new Date(this.deps.now()).toISOString(),
      items,
      answers: answersView,
    };
  }

  /** One autosave: validated against the item, written by the group-commit writer, acknowledged once durable. */
  async save(user: User, id: string, position: number, body: SaveAnswer): Promise<SaveAck> {
    const loaded = await this.load(user, id, { cached: true });
    const { record } = loaded;
    if (record.status !== 'open') throw conflict('attempt-submitted', 'This attempt has been submitted; answers can no longer change.');
    if (record.deadlineMs !== null && this.deps.now() > record.deadlineMs + SAVE_GRACE_MS) {
      throw conflict('deadline-passed', 'Time is up: the answer arrived after the deadline and was not saved.');
    }
    const entry = record.form[position];
    if (!entry) throw notFound(`Item ${position + 1} of this attempt`);
    const q = loaded.questions.get(entry.itemId)!.question;
    let answer: BankAnswer | null = null;
    try {
      answer = body.answer === null ? null : toBankAnswer(q, entry, body.answer);
    } catch (e) {
      if (e instanceof AnswerShapeError) throw badRequest(`Item ${position + 1}: ${e.message}.`);
      throw e;
    }
    const struckIds = new Set(entry.order.map((_, i) => `o${i + 1}`));
    const badStrike = body.struck.find((s) => !struckIds.has(s));
    if (badStrike) throw badRequest(`Item ${position + 1}: "${badStrike}" is not an option that can be struck through.`);
    const now = this.deps.now();
    const outcome = await this.deps.writer.save({ attemptId: id, position, tab: body.tab, seq: body.seq, baseRevision: body.baseRevision, answer, flagged: body.flagged, struck: body.struck, now });
    if (outcome.kind === 'closed') {
      this.loader.forget(id);
      throw conflict('attempt-submitted', 'This attempt has been submitted; answers can no longer change.');
    }
    if (outcome.kind === 'stale') {
      const c = outcome.current;
      if (c.checked) throw conflict('checked', 'This item has been checked and can no longer change.');
      throw conflict('stale', 'This answer was changed in another tab or window; the latest answer is shown.', {
        current: { answer: c.answer ? toPresentedAnswer(q, entry, c.answer) : null, flagged: c.flagged, struck: c.struck, revision: c.revision },
      });
    }
    return { position, revision: outcome.revision, savedAt: new Date(now).toISOString() };
  }

  /** Practice with immediate feedback: reveals one item's key and rationales, and locks it. */
  async check(user: User, id: string, position: number): Promise<ItemReview> {
    const loaded = await this.load(user, id);
    const { record, questions } = loaded;
    if (record.kind !== 'practice' || record.feedback !== 'immediate') throw conflict('no-feedback', 'Feedback on single items is given in practice with immediate feedback only.');
    const entry = record.form[position];
    if (!entry) throw notFound(`Item ${position + 1} of this attempt`);
    await this.deps.writer.flush();
    const stored = (await answers.byAttempt(this.deps.db, id)).find((a) => a.position === position);
    const answer = stored?.answer ?? null;
    const r = questions.get(entry.itemId)!;
    const correct = scoreQuestion(r.question, answer);
    if (!stored?.checked) {
      const now = this.deps.now();
      await this.deps.db.transaction().execute(async (trx) => {
        await answers.markChecked(trx, id, position, now);
        await recordResponses(trx, record, [{ entry, versionId: r.versionId, answer, correct }], now);
        await revealedKeys.record(trx, record.userId, [entry.itemId], now);
      });
    }
    return reviewItem(r.question, entry, answer, { correct, answered: isAnswered(answer) }, r.caseStudy);
  }

  /** Quick check: chooses the next item from the answers so far and appends it to the form. */
  async next(user: User, id: string): Promise<AttemptView> {
    const loaded = await this.load(user, id);
    const { record } = loaded;
    if (record.kind !== 'quick' || record.target === null) throw conflict('not-adaptive', 'Only a quick check chooses its items one at a time.');
    if (record.status !== 'open') throw conflict('attempt-submitted', 'This quick check has been submitted.');
    if (record.form.length >= record.target) throw conflict('quick-complete', `The quick check has its ${record.target} items: submit it for the result.`);
    const exam = this.deps.bank.exam(record.exam)!;
    await this.deps.writer.flush();
    const stored = new Map((await answers.byAttempt(this.deps.db, id)).map((a) => [a.position, a.answer]));
    const given = record.form.map((entry) => ({ entry, question: loaded.questions.get(entry.itemId)!.question, answer: stored.get(entry.position) ?? null }));
    const exclude = await attempts.openMockItems(this.deps.db, user.id);
    const entry = nextQuickEntry(this.deps.bank, exam, given, record.seed, exclude);
    if (!entry) throw conflict('quick-complete', 'No further item is available: submit the quick check for the result.');
    const form = [...record.form, { ...entry, versionId: this.deps.bank.currentVersions().get(entry.itemId)! }];
    if (!(await attempts.setForm(this.deps.db, id, form))) throw conflict('attempt-submitted', 'This quick check has been submitted.');
    this.loader.forget(id);
    return this.view(user, id);
  }

  /** Drops this instance's copy of an attempt changed elsewhere (paused or resumed). */
  forget(id: string): void {
    this.loader.forget(id);
  }

  /** Gives up an open attempt: no score and no responses; the history lists it as abandoned. */
  async abandon(user: User, id: string): Promise<void> {
    const { record } = await this.load(user, id);
    if (record.status !== 'open') throw conflict('attempt-closed', 'Only an attempt in progress can be abandoned.');
    await this.deps.writer.flush();
    if (!(await attempts.abandon(this.deps.db, id, this.deps.now()))) throw conflict('attempt-closed', 'This attempt was submitted in the meantime.');
    this.loader.forget(id);
  }

  async submit(user: User, id: string): Promise<ScoreReport> {
    const loaded = await this.load(user, id);
    if (loaded.record.status === 'open') await this.finishOnce(loaded);
    return this.report(user, id);
  }

  async report(user: User, id: string): Promise<ScoreReport> {
    let record = (await this.load(user, id)).record;
    if (record.status === 'open' && this.expired(record)) {
      await this.finishOnce(await this.load(user, id));
      record = (await this.load(user, id)).record;
    }
    if (record.status === 'abandoned') throw conflict('abandoned', 'This attempt was abandoned: it has no report.');
    if (record.status !== 'submitted' || !record.report) throw conflict('not-submitted', 'The report is available once the attempt is submitted.');
    return JSON.parse(record.report) as ScoreReport;
  }

  /**
   * Submits open attempts whose deadline has passed, even if no browser is there: a small batch per
   * call (the sweeper calls every few seconds), yielding to other requests between attempts, so a
   * mass expiry never stalls the server. With `userId`, that user's attempts only (before showing
   * their history).
   */
  async sweepExpired(opts: { userId?: string; batch?: number } = {}): Promise<number> {
    const ids = await attempts.expired(this.deps.db, this.deps.now() - SAVE_GRACE_MS, opts.batch ?? SWEEP_BATCH, opts.userId);
    for (const id of ids) {
      const record = await attempts.byId(this.deps.db, id);
      if (!record || record.status !== 'open') continue;
      await this.finishOnce({ record, questions: await this.deps.bank.resolve(record.form, record.exam) });
      await new Promise((resolve) => setImmediate(resolve));
    }
    return ids.length;
  }

  private expired(record: AttemptRecord): boolean {
    return record.deadlineMs !== null && this.deps.now() > record.deadlineMs + SAVE_GRACE_MS;
  }

  private load(user: User, id: string, opts: { cached?: boolean } = {}): Promise<Loaded> {
    return this.loader.load(user, id, opts);
  }

  /**
   * Submits an attempt unless someone else already did: another instance's sweeper, or the same
   * candidate in another tab. Either way the attempt is submitted afterwards and its cached (open)
   * copy is dropped, so the next read sees the stored report.
   */
  private async finishOnce(loaded: Loaded): Promise<void> {
    try {
      await this.finish(loaded);
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'attempt-submitted')) throw e;
      this.loader.forget(loaded.record.id);
    }
  }

  /** Scores and closes an attempt (`closeAttempt`), then forgets the open copy. */
  private async finish(loaded: Loaded): Promise<void> {
    await this.deps.writer.flush();
    await closeAttempt(this.deps, loaded);
    this.loader.forget(loaded.record.id);
  }
}
