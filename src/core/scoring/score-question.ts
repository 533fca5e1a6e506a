import type { Question } from '../items/item-schema.ts';

/** An answer in the bank's own ids (the server translates presentation ids before scoring). */
export type BankAnswer =
  | { choice: string }
  | { choices: string[] }
  | { order: string[] }
  | { pairs: Record<string, string> };

/**
 * Scores one question by the real exam's rules: all or nothing for every type (multiple response:
 * exactly the keys; ordering: the whole order; matching: every pair), unanswered is wrong.
 */
export function scoreQuestion(q: Question, answer: BankAnswer | null | undefined): boolean {
  if (!answer) return false;
  switch (q.type) {
    case 'single':
      return 'choice' in answer && q.options.some((o) => o.correct && o.id === answer.choice);
    case 'multiple': {
      if (!('choices' in answer)) return false;
      const chosen = new Set(answer.choices);
      const keys = q.options.filter((o) => o.correct).map((o) => o.id);
      return chosen.size === keys.length && keys.every((k) => chosen.has(k));
    }
    case 'ordering':
      return 'order' in answer && answer.order.length === q.steps.length && q.steps.every((s, i) => answer.order[i] === s.id);
    case 'matching':
      return 'pairs' in answer && q.prompts.every((p) => answer.pairs[p.id] === p.match) && Object.keys(answer.pairs).length === q.prompts.length;
  }
}

/** True when the answer is a real answer (something chosen), not an empty selection. */
export function isAnswered(answer: BankAnswer | null | undefined): boolean {
  if (!answer) return false;
  if ('choice' in answer) return answer.choice.length > 0;
  if ('choices' in answer) return answer.choices.length > 0;
  if ('order' in answer) return answer.order.length > 0;
  return Object.keys(answer.pairs).length > 0;
}
