import type { BankEntry, Question } from '../items/item-schema.ts';

/** One stored response with what decides whether it measures ability. */
export interface StoredResponse {
  userId: string;
  itemId: string;
  /** The answer key of the version the user answered (see `answerKeyOf`). */
  key: string | undefined;
  correct: boolean;
  answeredMs: number;
  /** Given in an attempt that showed no feedback until the end (mock, quick check, practice with feedback at the end). */
  withoutFeedback: boolean;
  /** The user had seen this item's key before answering. */
  afterReveal: boolean;
}

export interface CalibrationSample {
  responses: { person: string; item: string; score: 0 | 1 }[];
  persons: number;
  /** Responses not used, by reason. */
  leftOut: { otherKey: number; repeat: number; withFeedback: number; afterReveal: number };
}

/**
 * The responses a calibration may use: per user and item, the user's first response to the item as
 * keyed today, and only if it was given without feedback and before the user saw the key. One person
 * per user (not per attempt), so practice, repeated mocks and quick checks do not multiply a person,
 * and a response to a version with another key (a corrected key makes a new item) is not pooled.
 */
export function calibrationSample(rows: readonly StoredResponse[], currentKey: (itemId: string) => string | undefined): CalibrationSample {
  const leftOut = { otherKey: 0, repeat: 0, withFeedback: 0, afterReveal: 0 };
  const first = new Map<string, StoredResponse>();
  for (const r of rows) {
    const key = currentKey(r.itemId);
    if (key === undefined || r.key !== key) {
      leftOut.otherKey++;
      continue;
    }
    const id = `${r.userId}\u0000${r.itemId}`;
    const seen = first.get(id);
    if (!seen) first.set(id, r);
    else {
      leftOut.repeat++;
      if (r.answeredMs < seen.answeredMs) first.set(id, r);
    }
  }
  const responses: CalibrationSample['responses'] = [];
  const persons = new Set<string>();
  for (const r of first.values()) {
    if (r.afterReveal) leftOut.afterReveal++;
    else if (!r.withoutFeedback) leftOut.withFeedback++;
    else {
      responses.push({ person: r.userId, item: r.itemId, score: r.correct ? 1 : 0 });
      persons.add(r.userId);
    }
  }
  return { responses, persons: persons.size, leftOut };
}

/** A question's answer key as a comparable string: the correct options, the order, or the pairs. */
export function answerKeyOf(entry: BankEntry, itemId: string): string | undefined {
  const q: Question | undefined = entry.type === 'case' ? entry.questions.find((x) => x.id === itemId) : entry.id === itemId ? entry : undefined;
  if (!q) return undefined;
  switch (q.type) {
    case 'single':
    case 'multiple':
      return `${q.type}:${q.options.filter((o) => o.correct).map((o) => o.id).sort().join(',')}`;
    case 'ordering':
      return `ordering:${q.steps.map((s) => s.id).join(',')}`;
    case 'matching':
      return `matching:${q.prompts.map((p) => `${p.id}=${p.match}`).sort().join(',')}`;
  }
}
