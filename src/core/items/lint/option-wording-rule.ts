import type { Problem } from '../check-bank.ts';
import type { LintQuestion } from './lint-context.ts';

/**
 * Absolute words: a classic cue, since options that claim "always" or "never" are usually false.
 * "all" and "only" are kept because item writers lean on them the same way ("only Amazon S3 can ...").
 */
export const ABSOLUTE_WORDS = ['always', 'never', 'only', 'all', 'none'] as const;

/** "all of the above", "none of the above", "both of the above": meaningless once the app shuffles options. */
const OF_THE_ABOVE = /\b(all|none|both|neither)\s+of\s+the\s+(above|options|answers)\b/i;

/**
 * Wording cues in options (single/multiple options and matching responses, which candidates choose
 * among): "of the above" options are errors, absolute words are warnings.
 */
export function optionWordingRule(questions: LintQuestion[], absoluteWords: readonly string[] = ABSOLUTE_WORDS): Problem[] {
  const problems: Problem[] = [];
  const absolute = absoluteWords.length ? new RegExp(`\\b(${absoluteWords.map(escapeRegExp).join('|')})\\b`, 'gi') : null;
  for (const lq of questions) {
    const q = lq.question;
    const choices =
      q.type === 'single' || q.type === 'multiple'
        ? q.options.map((o, i) => ({ path: ['options', i], id: o.id, text: o.text }))
        : q.type === 'matching'
          ? q.responses.map((r, i) => ({ path: ['responses', i], id: r.id, text: r.text }))
          : [];
    for (const c of choices) {
      const above = OF_THE_ABOVE.exec(c.text);
      if (above) {
        problems.push(lq.problem(c.path, 'error', 'of-the-above', `option "${c.id}" says "${above[0]}": options are shuffled, write a real option`));
        continue;
      }
      if (!absolute) continue;
      const words = [...new Set([...c.text.matchAll(absolute)].map((m) => m[0].toLowerCase()))];
      if (words.length) problems.push(lq.problem(c.path, 'warning', 'absolute-word', `option "${c.id}" uses the absolute word${words.length > 1 ? 's' : ''} ${words.map((w) => `"${w}"`).join(', ')}`));
    }
  }
  return problems;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
