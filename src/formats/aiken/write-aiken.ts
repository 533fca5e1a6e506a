import type { BankEntry, SingleItem } from '../../core/items/item-schema.ts';
import type { WriteResult } from '../common/format-problem.ts';
import { letterId, oneLine } from '../common/item-parts.ts';
import { lossReport } from '../common/lost-fields.ts';
import { stableId } from '../common/stable-id.ts';

/**
 * What Aiken keeps: single-answer multiple choice only, stem and options on one line each,
 * options lettered A-D, the key. No ids (they are derived from the stem on import), no
 * feedback, no metadata.
 */
export function projectAiken(entries: BankEntry[]): (BankEntry | null)[] {
  const taken = new Set<string>();
  return entries.map((e) => {
    if (e.type !== 'single') return null;
    const stem = oneLine(e.stem);
    const item: SingleItem = {
      id: stableId('aiken', stem, taken),
      type: 'single',
      stem,
      options: e.options.map((o, i) => ({ id: letterId(i), text: oneLine(o.text), correct: o.correct })),
    };
    return item;
  });
}

/** An Aiken file: `stem`, `A. option` ... `D. option`, `ANSWER: B`, a blank line between questions. */
export function writeAiken(entries: BankEntry[]): WriteResult<string> {
  const carried = projectAiken(entries);
  const blocks: string[] = [];
  for (const e of carried) {
    if (!e || e.type !== 'single') continue;
    const key = e.options.findIndex((o) => o.correct);
    blocks.push([e.stem, ...e.options.map((o, i) => `${letterId(i).toUpperCase()}. ${o.text}`), `ANSWER: ${letterId(key).toUpperCase()}`].join('\n'));
  }
  return { output: blocks.length ? blocks.join('\n\n') + '\n' : '', problems: lossReport('Aiken', entries, carried, (e) => `Aiken has only single-answer multiple choice, not ${e.type === 'case' ? 'case studies' : e.type}`) };
}
