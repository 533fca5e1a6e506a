import type { Problem } from '../check-bank.ts';
import type { LintQuestion } from './lint-context.ts';

/**
 * Absolute words: a classic cue, since options that claim "always" or "never" are usually false.
 * "all", "only" and "none" are left out by default: in AWS option text they mostly scope an action
 * ("only the new partitions", "all requests", "SplitType None"): on the first 302 items of the bank
 * they made 49 of 56 absolute-word hits, and each of a sample of ten scoped an action rather than
 * making a false claim. Pass a list to widen it (`certprep lint --absolute-words ...`).
 */
export const ABSOLUTE_WORDS = ['always', 'never', 'guaranteed', 'guarantees'] as const;

/** "all of the above", "none of the above", "both of the above": meaningless once the app shuffles options. */
const OF_THE_ABOVE = /\b(all|none|both|neither)\s+of\s+the\s+(above|options|answers)\b/i;

/**
 * Wording cues in options (single/multiple options and matching responses, which candidates choose
 * among): "of the above" options are errors, absolute words are warnings.
 */
export function optionWordingRule(questions: LintQuestion[], absoluteWords: readonly string[] = ABSOLUTE_WORDS): Problem[] {
  const problems: Problem[] = [];
  // Hyphenated compounds ("always-on") are terms, not claims.
  const absolute = absoluteWords.length ? new RegExp(`(?<![\\w-])(${absoluteWords.map(escapeRegExp).join('|')})(?![\\w-])`, 'gi') : null;
  for (const lq of questions) {
    const q = lq.question;
    const choices =
      q.type === 'single' || q.type === 'multiple'
        ? q.options.map((o, i) => ({ path: ['options', i], label: `option "${o.id}"`, text: o.text }))
        : q.type === 'matching'
          ? q.responses.map((r, i) => ({ path: ['responses', i], label: `response "${r.id}"`, text: r.text }))
          : [];
    for (const c of choices) {
      const above = OF_THE_ABOVE.exec(c.text);
      if (above) {
        problems.push(lq.problem(c.path, 'error', 'of-the-above', `${c.label} says "${above[0]}": options are shuffled, write a real option`));
        continue;
      }
      if (!absolute) continue;
      const words = [...new Set([...c.text.matchAll(absolute)].map((m) => m[0].toLowerCase()))];
      if (words.length) problems.push(lq.problem(c.path, 'warning', 'absolute-word', `${c.label} uses the absolute word${words.length > 1 ? 's' : ''} ${words.map((w) => `"${w}"`).join(', ')}`));
    }
  }
  return problems;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
