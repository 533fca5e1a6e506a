import type { Problem } from '../check-bank.ts';
import type { LintQuestion } from './lint-context.ts';

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };

/** "Select TWO", "select 3", "Choose THREE" (the exam's phrasing is "Select"; "Choose" is common in other banks). */
const SELECT_PHRASE = /\b(?:select|choose)\s+(two|three|four|five|six|seven|eight|nine|\d+)\b/gi;

/** The counts a stem asks for, in order ("Select TWO" -> [2]); empty when it names none. */
export function stemSelectCounts(stem: string): number[] {
  const counts: number[] = [];
  for (const m of stem.matchAll(SELECT_PHRASE)) {
    const word = (m[1] ?? '').toLowerCase();
    counts.push(NUMBER_WORDS[word] ?? Number(word));
  }
  return counts;
}

/**
 * A multiple-response stem must say how many options to select, and that count must equal both
 * `select` and the number of keys: candidates are scored all-or-nothing on exactly that count.
 */
export function selectCountRule(questions: LintQuestion[]): Problem[] {
  const problems: Problem[] = [];
  for (const lq of questions) {
    const q = lq.question;
    if (q.type !== 'multiple') continue;
    const keys = q.options.filter((o) => o.correct).length;
    const counts = stemSelectCounts(q.stem);
    if (counts.length === 0) {
      problems.push(lq.problem(['stem'], 'error', 'select-count-missing', `the stem does not say how many options to select (add "(Select ${spell(q.select)}.)")`));
      continue;
    }
    if (new Set(counts).size > 1) {
      problems.push(lq.problem(['stem'], 'error', 'select-count-mismatch', `the stem asks for different counts: ${counts.join(', ')}`));
      continue;
    }
    const said = counts[0]!;
    if (said !== q.select || said !== keys) {
      problems.push(lq.problem(['stem'], 'error', 'select-count-mismatch', `the stem says select ${said} but select is ${q.select} and ${keys} options are correct`));
    }
  }
  return problems;
}

function spell(n: number): string {
  const word = Object.entries(NUMBER_WORDS).find(([, v]) => v === n)?.[0];
  return word ? word.toUpperCase() : String(n);
}
