import type { PathSegment, Problem } from '../check-bank.ts';
import type { LintQuestion } from './lint-context.ts';

/** Words that claim more than documentation usually says: each use is checked against the docs. */
export const CLAIM_WORDS = ['only', 'never', 'always', 'cannot'] as const;
const CLAIM = new RegExp(`(?<![\\w-])(${CLAIM_WORDS.join('|')})(?![\\w-])`, 'gi');

/**
 * "only", "never", "always", "cannot" in a rationale (`why`) or an explanation: a warning to review the
 * claim against the documentation (the most frequent way a correct key comes with a wrong reason). A
 * reviewer who has checked the item lists `absolute-claim` in its `lintChecked`, and the warning stops.
 */
export function absoluteClaimRule(questions: LintQuestion[]): Problem[] {
  const problems: Problem[] = [];
  for (const lq of questions) {
    const q = lq.question;
    if (q.lintChecked?.includes('absolute-claim')) continue;
    const texts: { path: PathSegment[]; label: string; text: string | undefined }[] = [{ path: ['explanation'], label: 'the explanation', text: q.explanation }];
    if (q.type === 'single' || q.type === 'multiple') q.options.forEach((o, i) => texts.push({ path: ['options', i, 'why'], label: `the why of option "${o.id}"`, text: o.why }));
    else if (q.type === 'ordering') q.steps.forEach((s, i) => texts.push({ path: ['steps', i, 'why'], label: `the why of step "${s.id}"`, text: s.why }));
    else q.prompts.forEach((p, i) => texts.push({ path: ['prompts', i, 'why'], label: `the why of prompt "${p.id}"`, text: p.why }));
    for (const t of texts) {
      if (!t.text) continue;
      const words = [...new Set([...t.text.matchAll(CLAIM)].map((m) => m[0].toLowerCase()))];
      if (words.length === 0) continue;
      problems.push(
        lq.problem(t.path, 'warning', 'absolute-claim', `${t.label} says ${words.map((w) => `"${w}"`).join(', ')}: check the claim against the documentation, then add absolute-claim to the item's lintChecked`),
      );
    }
  }
  return problems;
}
