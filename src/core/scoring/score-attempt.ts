import type { AttemptKind, ScoreReport } from '../api/contracts.ts';
import type { FormEntry } from '../exam/assemble-form.ts';
import type { ExamDefinition } from '../exam/exam-schema.ts';
import { reviewItem } from '../exam/present-item.ts';
import type { TaggedCaseStudy, TaggedQuestion } from '../items/exam-tags.ts';
import { angoffRawCut } from '../measure/scaled-score.ts';
import { angoffDomainMeets, angoffScaled } from './angoff-scale.ts';
import { breakdown } from './breakdown.ts';
import { ADAPTIVE_SE_FACTOR, irtScore, type ScoringParameters } from './irt-score.ts';
import { isAnswered, scoreQuestion, type BankAnswer } from './score-question.ts';

export interface ScoreInput {
  attemptId: string;
  kind: AttemptKind;
  exam: ExamDefinition;
  entries: FormEntry[];
  /** The form's questions with their tags for the attempt's exam. */
  questions: ReadonlyMap<string, TaggedQuestion>;
  cases: ReadonlyMap<string, TaggedCaseStudy>;
  answers: ReadonlyMap<number, BankAnswer | null>;
  submittedAt: Date;
  /** Once the bank is calibrated: item parameters (provisional where missing) and the cut ability. */
  irt?: { params: ReadonlyMap<string, ScoringParameters>; thetaCut: number; formSe: number; prior?: { mean: number; sd: number } } | undefined;
}

/** Angoff rating used for an item that has none (foreign items in practice): a middling 0.6. */
const DEFAULT_RATING = 0.6;

/**
 * Scores an attempt by the real rules (each question all or nothing, each case-study question on its
 * own, unanswered wrong, unscored items excluded) and builds the report with the Angoff scale, or IRT
 * once calibrated. Practice is not an exam: its report counts only the questions answered (those left
 * untouched stay unseen) and gives right and wrong, never a score on the exam's scale or a verdict.
 */
export function scoreAttempt(input: ScoreInput): ScoreReport {
  const { exam } = input;
  const scale = exam.scale;
  const results = input.entries.map((entry) => {
    const q = input.questions.get(entry.itemId);
    if (!q) throw new Error(`item ${entry.itemId} of the form is missing from the bank`);
    const answer = input.answers.get(entry.position) ?? null;
    const correct = scoreQuestion(q, answer);
    const caseStudy = entry.caseId ? input.cases.get(entry.caseId) : undefined;
    return { entry, q, correct, review: reviewItem(q, entry, answer, { correct, answered: isAnswered(answer) }, caseStudy) };
  });
  if (input.kind === 'practice') return practiceReport(input, results);
  const scored = results.filter((r) => r.entry.scored);
  const ratings = scored.map((r) => r.q.angoff ?? DEFAULT_RATING);
  const raw = scored.filter((r) => r.correct).length;
  // A one-item practice set has no cut in [1, n-1]: half an item serves.
  const rawCut = ratings.length >= 2 ? angoffRawCut(ratings) : 0.5;
  const scaled = angoffScaled(raw, rawCut, scored.length, scale);

  const domains = exam.domains
    .map((d) => {
      const inDomain = scored.filter((r) => r.entry.domain === d.id);
      const correct = inDomain.filter((r) => r.correct).length;
      const meets = angoffDomainMeets(correct, inDomain.length, inDomain.map((r) => r.q.angoff ?? DEFAULT_RATING));
      return { id: d.id, name: d.name, correct, total: inDomain.length, classification: meets ? ('meets' as const) : ('needs-improvement' as const) };
    })
    .filter((d) => d.total > 0);

  const base = {
    attemptId: input.attemptId,
    exam: exam.id,
    kind: input.kind,
    submittedAt: input.submittedAt.toISOString(),
    passMark: scale.pass,
    raw,
    rawCut: Math.round(rawCut * 100) / 100,
    scoredItems: scored.length,
    unanswered: 0,
    ...breakdown(exam, scored.map((r) => ({ task: r.q.task, bullets: r.q.bullets, correct: r.correct }))),
    items: results.map((r) => r.review),
  };
  const irt = input.irt;
  if (irt && scored.length > 0 && scored.every((r) => irt.params.has(r.q.id))) {
    const result = irtScore(
      scored.map((r) => ({ domain: r.entry.domain, params: irt.params.get(r.q.id)!, correct: r.correct })),
      irt,
      { seFactor: input.kind === 'quick' ? ADAPTIVE_SE_FACTOR : 1 },
    );
    return {
      ...base,
      method: 'irt',
      provisional: result.provisional,
      scaled: result.scaled,
      passed: result.scaled >= scale.pass,
      scaledSe: result.scaledSe,
      passProbability: Math.round(result.passProbability * 1000) / 1000,
      domains: domains.map((d) => ({ ...d, classification: result.domains.get(d.id)?.meets ? ('meets' as const) : ('needs-improvement' as const) })),
    };
  }
  return { ...base, method: 'angoff', provisional: false, scaled, passed: scaled >= scale.pass, scaledSe: null, passProbability: null, domains };
}

type ScoredRow = { entry: FormEntry; q: TaggedQuestion; correct: boolean; review: ScoreReport['items'][number] };

/** A practice report: the answered questions only, right and wrong per domain, task statement and skill. */
function practiceReport(input: ScoreInput, results: ScoredRow[]): ScoreReport {
  const counted = results.filter((r) => r.review.answered);
  const domains = input.exam.domains
    .map((d) => {
      const inDomain = counted.filter((r) => r.entry.domain === d.id);
      return { id: d.id, name: d.name, correct: inDomain.filter((r) => r.correct).length, total: inDomain.length, classification: null };
    })
    .filter((d) => d.total > 0);
  return {
    attemptId: input.attemptId,
    exam: input.exam.id,
    kind: input.kind,
    submittedAt: input.submittedAt.toISOString(),
    method: 'practice',
    provisional: false,
    scaled: null,
    passMark: input.exam.scale.pass,
    passed: null,
    raw: counted.filter((r) => r.correct).length,
    rawCut: 0,
    scoredItems: counted.length,
    unanswered: results.length - counted.length,
    scaledSe: null,
    passProbability: null,
    domains,
    ...breakdown(input.exam, counted.map((r) => ({ task: r.q.task, bullets: r.q.bullets, correct: r.correct }))),
    items: counted.map((r) => r.review),
  };
}
