import type { BankEntry, MultipleItem, SingleItem } from '../../core/items/item-schema.ts';
import type { WriteResult } from '../common/format-problem.ts';
import { letterId, metaOf, oneLine } from '../common/item-parts.ts';
import { lossReport } from '../common/lost-fields.ts';

export const MD_META = '<!-- certprep ';
/** A nested bullet under an option carries its why: `  - Why: ...`. */
export const WHY = 'Why: ';

/** Stem lines that would read as structure get a leading backslash (Markdown's escape). */
const STRUCTURAL = /^(\\|\s*[-*+]\s+\[[ xX]\]|#{1,6}\s|<!--|\*\*Explanation:\*\*)/;

/**
 * What Markdown keeps: single and multiple choice (checkbox lists), options and their whys on one
 * line each (Markdown joins wrapped lines with a space), option ids lettered. The id, metadata and
 * explanation are kept (an HTML comment and an `**Explanation:**` paragraph).
 */
export function projectMarkdown(entries: BankEntry[]): (BankEntry | null)[] {
  return entries.map((e) => {
    if (e.type !== 'single' && e.type !== 'multiple') return null;
    const stem = e.stem
      .split('\n')
      .map((l) => l.trim())
      .join('\n')
      .replace(/\n{2,}/g, '\n\n');
    const explanation = e.explanation
      ?.split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join('\n');
    const options = e.options.map((o, i) => ({ id: letterId(i), text: oneLine(o.text), correct: o.correct, ...(o.why ? { why: oneLine(o.why) } : {}) }));
    return { ...e, stem, ...(explanation ? { explanation } : {}), options } as SingleItem | MultipleItem;
  });
}

/**
 * Markdown in the layout of open-source question banks: `### ` and the stem, then `- [x]` / `- [ ]`
 * options, then `**Explanation:**`. Ordering, matching and case studies have no such layout: skipped.
 */
export function writeMarkdown(entries: BankEntry[]): WriteResult<string> {
  const carried = projectMarkdown(entries);
  const blocks: string[] = [];
  for (const e of carried) {
    if (!e || (e.type !== 'single' && e.type !== 'multiple')) continue;
    const [first, ...rest] = e.stem.split('\n');
    const lines = [`${MD_META}${JSON.stringify({ id: e.id, ...metaOf(e) }).replace(/--/g, '-\\u002d')} -->`, `### ${first}`];
    if (rest.length) lines.push(...rest.map((l) => (STRUCTURAL.test(l) ? `\\${l}` : l)));
    lines.push('', ...e.options.flatMap((o) => [`- [${o.correct ? 'x' : ' '}] ${o.text}`, ...(o.why ? [`  - ${WHY}${o.why}`] : [])]));
    if (e.explanation) lines.push('', `**Explanation:** ${e.explanation.split('\n').map((l, i) => (i > 0 && STRUCTURAL.test(l) ? `\\${l}` : l)).join('\n')}`);
    blocks.push(lines.join('\n'));
  }
  return { output: blocks.length ? blocks.join('\n\n') + '\n' : '', problems: lossReport('Markdown', entries, carried, (e) => `Markdown checkbox lists cannot express ${e.type === 'case' ? 'case studies' : `${e.type} items`}`) };
}
