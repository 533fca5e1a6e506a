import type { Question } from '../items/item-schema.ts';

/**
 * The probability of answering a question right by blind guessing, as scored (all or nothing):
 * 1 / options for multiple choice, 1 / C(n, k) for "select k of n", 1 / n! for an order of n steps,
 * 1 / (r! / (r − p)!) for p prompts each matched to a different one of r responses.
 */
export function chanceRate(q: Question): number {
  switch (q.type) {
    case 'single':
      return 1 / q.options.length;
    case 'multiple':
      return 1 / choose(q.options.length, q.select);
    case 'ordering':
      return 1 / falling(q.steps.length, q.steps.length);
    case 'matching':
      return 1 / falling(q.responses.length, q.prompts.length);
  }
}

function choose(n: number, k: number): number {
  return falling(n, k) / falling(k, k);
}

/** n (n − 1) … (n − k + 1). */
function falling(n: number, k: number): number {
  let out = 1;
  for (let i = 0; i < k; i++) out *= n - i;
  return out;
}
