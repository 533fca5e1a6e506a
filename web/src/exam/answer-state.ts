import type { Answer, PresentedItem } from '../../../src/core/api/contracts.ts';

/**
 * Whether an item counts as answered for the navigator and the review screen. A matching item is
 * answered only when every prompt has a response, since partial pairs score nothing.
 */
export function isAnswered(item: PresentedItem, answer: Answer | null | undefined): boolean {
  if (!answer) return false;
  switch (item.type) {
    case 'single':
      return 'choice' in answer && answer.choice.length > 0;
    case 'multiple':
      return 'choices' in answer && answer.choices.length > 0;
    case 'ordering':
      return 'order' in answer && answer.order.length === (item.steps?.length ?? 0);
    case 'matching':
      return 'pairs' in answer && (item.prompts ?? []).every((p) => Boolean(answer.pairs[p.id]));
  }
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
