import { irtScore, type ScoringContext } from './irt-score.ts';

/**
 * Answers needed before the dashboard gives a readiness estimate: the quick check's length, so that
 * one quick check (or a short mock and some practice) is enough.
 */
export const READINESS_MIN_RESPONSES = 20;

export interface ReadinessResponse {
  itemId: string;
  correct: boolean;
  afterReveal: boolean;
  answeredMs: number;
}

export type Readiness =
  | { state: 'estimate'; scaled: number; scaledSe: number; passProbability: number; provisional: boolean; basedOn: number }
  | { state: 'needs-evidence'; basedOn: number; needed: number };

/**
 * The candidate's readiness for an exam from everything they have answered: an IRT estimate (the
 * measurement engine's, `irtScore`) on each question's first answer given before its key was seen,
 * for the questions of the exam that have parameters (provisional where uncalibrated). Later answers
 * to the same question measure memory of its key, not ability, and are left out. Below
 * READINESS_MIN_RESPONSES questions there is no estimate, only how many more are needed.
 */
export function readiness(responses: readonly ReadinessResponse[], domainOf: ReadonlyMap<string, string>, ctx: ScoringContext | undefined): Readiness {
  const firsts = new Map<string, ReadinessResponse>();
  for (const r of [...responses].sort((a, b) => a.answeredMs - b.answeredMs)) {
    if (r.afterReveal || firsts.has(r.itemId)) continue;
    if (!domainOf.get(r.itemId) || !ctx?.params.has(r.itemId)) continue;
    firsts.set(r.itemId, r);
  }
  const basedOn = firsts.size;
  if (!ctx || basedOn < READINESS_MIN_RESPONSES) return { state: 'needs-evidence', basedOn, needed: READINESS_MIN_RESPONSES - basedOn };
  const result = irtScore(
    [...firsts.values()].map((r) => ({ domain: domainOf.get(r.itemId)!, params: ctx.params.get(r.itemId)!, correct: r.correct })),
    ctx,
  );
  return { state: 'estimate', scaled: result.scaled, scaledSe: result.scaledSe, passProbability: Math.round(result.passProbability * 1000) / 1000, provisional: result.provisional, basedOn };
}
