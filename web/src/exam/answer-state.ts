import type { Answer, PresentedItem } from '../../../src/core/api/contracts.ts';

/**
 * Where an item's answer stands, as the real test driver shows it: `incomplete` when some but not all
 * of what the item asks for is given (1 of "Select TWO", 2 of 4 prompts matched), since a partial answer
 * scores nothing. `chosen` and `needed` count choices or matched prompts.
 */
export type AnswerStatus = { state: 'answered' | 'unanswered' } | { state: 'incomplete'; chosen: number; needed: number };

export function answerStatus(item: PresentedItem, answer: Answer | null | undefined): AnswerStatus {
  if (!answer) return { state: 'unanswered' };
  switch (item.type) {
    case 'single':
      return 'choice' in answer && answer.choice.length > 0 ? { state: 'answered' } : { state: 'unanswered' };
    case 'multiple': {
      const chosen = 'choices' in answer ? answer.choices.length : 0;
      const needed = item.select ?? 1;
      if (chosen === 0) return { state: 'unanswered' };
      return chosen < needed ? { state: 'incomplete', chosen, needed } : { state: 'answered' };
    }
    case 'ordering':
      return 'order' in answer && answer.order.length === (item.steps?.length ?? 0) ? { state: 'answered' } : { state: 'unanswered' };
    case 'matching': {
      const prompts = item.prompts ?? [];
      const chosen = 'pairs' in answer ? prompts.filter((p) => Boolean(answer.pairs[p.id])).length : 0;
      if (chosen === 0) return { state: 'unanswered' };
      return chosen < prompts.length ? { state: 'incomplete', chosen, needed: prompts.length } : { state: 'answered' };
    }
  }
}

/** Whether an item's answer is complete (what the check button and the quick check need). */
export function isAnswered(item: PresentedItem, answer: Answer | null | undefined): boolean {
  return answerStatus(item, answer).state === 'answered';
}

/** The steps of an ordering item as currently arranged: the answer's order, else the presented one. */
export function currentOrder(item: PresentedItem, answer: Answer | null | undefined): string[] {
  const presented = (item.steps ?? []).map((s) => s.id);
  if (answer && 'order' in answer && answer.order.length === presented.length && presented.every((id) => answer.order.includes(id))) {
    return [...answer.order];
  }
  return presented;
}

/** Moves the entry at `from` by `delta` places; out of range leaves the order unchanged. */
export function move(order: readonly string[], from: number, delta: -1 | 1): string[] {
  const to = from + delta;
  const next = [...order];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next;
  const [picked] = next.splice(from, 1);
  next.splice(to, 0, picked as string);
  return next;
}
