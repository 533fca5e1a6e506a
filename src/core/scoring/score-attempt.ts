import type { ScoreReport } from '../api/contracts.ts';
import type { FormEntry } from '../exam/assemble-form.ts';
import type { ExamDefinition } from '../exam/exam-schema.ts';
import { reviewItem } from '../exam/present-item.ts';
import type { CaseStudy, Question } from '../items/item-schema.ts';
import { angoffDomainMeets, angoffRawCut, angoffScaled } from './angoff-scale.ts';
import { isAnswered, scoreQuestion, type BankAnswer } from './score-question.ts';

export interface ScoreInput {
  attemptId: string;
  kind: 'mock' | 'practice';
  exam: ExamDefinition;
  entries: FormEntry[];
  questions: ReadonlyMap<string, Question>;
  cases: ReadonlyMap<string, CaseStudy>;
  answers: ReadonlyMap<number, BankAnswer | null>;
  submittedAt: Date;
}

/** Angoff rating used for an item that has none (foreign items in practice): a middling 0.6. */
const DEFAULT_RATING = 0.6;

/**
 * Scores an attempt by the real rules (each question all or nothing, each case-study question on its
 * own, unanswered wrong, unscored items excluded) and builds the report with the Angoff scale.
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
  const scored = results.filter((r) => r.entry.scored);
  const ratings = scored.map((r) => r.q.angoff ?? DEFAULT_RATING);
  const raw = scored.filter((r) => r.correct).length;
  const rawCut = angoffRawCut(ratings);
  const scaled = angoffScaled(raw, rawCut, scored.length, scale);

  const domains = exam.domains
    .map((d) => {
      const inDomain = scored.filter((r) => r.entry.domain === d.id);
      const correct = inDomain.filter((r) => r.correct).length;
      const meets = angoffDomainMeets(correct, inDomain.length, inDomain.map((r) => r.q.angoff ?? DEFAULT_RATING));
      return { id: d.id, name: d.name, correct, total: inDomain.length, classification: meets ? ('meets' as const) : ('needs-improvement' as const) };
    })
    .filter((d) => d.total > 0);

  return {
    attemptId: input.attemptId,
    exam: exam.id,
    kind: input.kind,
    submittedAt: input.submittedAt.toISOString(),
    method: 'angoff',
    provisional: false,
    scaled,
    passMark: scale.pass,
    passed: scaled >= scale.pass,
    raw,
    rawCut: Math.round(rawCut * 100) / 100,
    scoredItems: scored.length,
    scaledSe: null,
    passProbability: null,
    domains,
    items: results.map((r) => r.review),
  };
}
