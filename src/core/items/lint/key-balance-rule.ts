import type { Problem } from '../check-bank.ts';
import { chiSquareUniform } from './chi-square.ts';
import type { LintQuestion } from './lint-context.ts';

export interface KeyBalanceOptions {
  /** Fewer single items than this and the chi-square test is not run (expected count per position < 5). */
  minItems: number;
  /** Warn when the p-value of the position test falls below this. */
  alpha: number;
  /** Warn when the share of items whose key is the longest option exceeds this. */
  maxLongestKeyShare: number;
  /** A key is "much longer" when longer than ratio x the mean distractor length ... */
  longKeyRatio: number;
  /** ... and longer than the mean distractor length by more than this many characters. */
  longKeyMinChars: number;
}

export const DEFAULT_KEY_BALANCE: KeyBalanceOptions = { minItems: 20, alpha: 0.01, maxLongestKeyShare: 0.35, longKeyRatio: 1.5, longKeyMinChars: 30 };

export interface KeyBalanceStats {
  /** Single items by the position (as written) of their key: a = first option, ..., d = fourth. */
  keyPositions: Record<'a' | 'b' | 'c' | 'd', number>;
  /** Chi-square test of those positions against uniform; null when there are too few single items. */
  positionTest: { statistic: number; df: number; pValue: number } | null;
  /** Single and multiple items whose strictly longest option is a key. */
  longestKey: { items: number; keyLongest: number; share: number };
}

const POSITIONS = ['a', 'b', 'c', 'd'] as const;

/**
 * Answer-key cues across the bank: test-wise candidates guess the position that is most often
 * right and the longest option, so neither may carry information about the key.
 * `bankProblem` locates bank-wide findings (they belong to no single item).
 */
export function keyBalanceRule(
  questions: LintQuestion[],
  bankProblem: (code: string, message: string) => Problem,
  options: KeyBalanceOptions = DEFAULT_KEY_BALANCE,
): { problems: Problem[]; stats: KeyBalanceStats } {
  const problems: Problem[] = [];
  const counts = [0, 0, 0, 0];
  let considered = 0;
  let keyLongest = 0;

  for (const lq of questions) {
    const q = lq.question;
    if (q.type !== 'single' && q.type !== 'multiple') continue;
    const keyIndex = q.options.findIndex((o) => o.correct);
    if (q.type === 'single' && keyIndex >= 0 && keyIndex < 4 && q.options.filter((o) => o.correct).length === 1) counts[keyIndex]! += 1;

    const lengths = q.options.map((o) => o.text.trim().length);
    const max = Math.max(...lengths);
    const longest = lengths.flatMap((l, i) => (l === max ? [i] : []));
    considered += 1;
    if (longest.length === 1 && q.options[longest[0]!]!.correct) keyLongest += 1;

    const distractors = lengths.filter((_, i) => !q.options[i]!.correct);
    if (distractors.length === 0) continue;
    const mean = distractors.reduce((s, l) => s + l, 0) / distractors.length;
    q.options.forEach((o, i) => {
      const len = lengths[i]!;
      if (o.correct && len > options.longKeyRatio * mean && len - mean > options.longKeyMinChars) {
        problems.push(
          lq.problem(['options', i], 'warning', 'key-much-longer', `key "${o.id}" has ${len} characters, its distractors ${mean.toFixed(0)} on average: length gives the key away`),
        );
      }
    });
  }

  const singles = counts.reduce((s, c) => s + c, 0);
  const positionTest = singles >= options.minItems ? chiSquareUniform(counts) : null;
  const keyPositions = { a: counts[0]!, b: counts[1]!, c: counts[2]!, d: counts[3]! };
  if (positionTest && positionTest.pValue < options.alpha) {
    const shown = POSITIONS.map((p) => `${p} ${keyPositions[p]}`).join(', ');
    problems.push(
      bankProblem(
        'key-position-bias',
        `key positions of ${singles} single items are not uniform (${shown}; chi-square ${positionTest.statistic.toFixed(2)}, df ${positionTest.df}, p = ${formatP(positionTest.pValue)})`,
      ),
    );
  }
  const share = considered === 0 ? 0 : keyLongest / considered;
  if (considered >= options.minItems && share > options.maxLongestKeyShare) {
    problems.push(
      bankProblem(
        'key-longest-share',
        `the key is the longest option in ${keyLongest} of ${considered} single/multiple items (${(share * 100).toFixed(1)}%, limit ${(options.maxLongestKeyShare * 100).toFixed(0)}%)`,
      ),
    );
  }
  return { problems, stats: { keyPositions, positionTest, longestKey: { items: considered, keyLongest, share } } };
}

/** p-values print with 3 significant digits, tiny ones in exponent form. */
export function formatP(p: number): string {
  return p < 0.001 ? p.toExponential(2) : p.toPrecision(3);
}
