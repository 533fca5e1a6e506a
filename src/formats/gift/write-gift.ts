import { entryQuestions, type BankEntry, type Question } from '../../core/items/item-schema.ts';
import type { WriteResult } from '../common/format-problem.ts';
import { canonicalIds, mapQuestions, metaOf } from '../common/item-parts.ts';
import { lossReport } from '../common/lost-fields.ts';
import { CASE_FOLDER, MOODLE_ROOT, taskCategory } from '../moodle/write-moodle.ts';
import { giftEscape as esc } from './gift-escape.ts';

/** The comment that carries certprep metadata just above a question: `// certprep {"task":"1.2",...}`. */
export const META_COMMENT = '// certprep ';

/** Moodle's weight for one of k correct answers, as a GIFT percentage. */
function weight(k: number): string {
  return Number.isInteger(100 / k) ? String(100 / k) : (100 / k).toFixed(5);
}

/**
 * What GIFT keeps: no ordering questions, numbered choices, matching responses in pair order and
 * without whys, and "->" inside a matching text turned into an arrow (GIFT has no escape for it).
 */
export function projectGift(entries: BankEntry[]): (BankEntry | null)[] {
  return entries.map((e) => {
    const qs = entryQuestions(e);
    if (qs.some((q) => q.type === 'ordering')) return null;
    return mapQuestions(e, (q) => {
      const c = canonicalIds(q, true);
      if (c.type !== 'matching') return c;
      const arrow = (s: string) => s.replace(/->/g, '\u2192');
      return { ...c, prompts: c.prompts.map(({ why: _w, ...p }) => ({ ...p, text: arrow(p.text) })), responses: c.responses.map(({ why: _w, ...r }) => ({ ...r, text: arrow(r.text) })) };
    });
  });
}

function question(q: Question): string {
  const meta = metaOf(q);
  const lines: string[] = [];
  if (Object.keys(meta).length > 0) lines.push(META_COMMENT + JSON.stringify(meta));
  lines.push(`::${esc(q.id)}::${esc(q.stem)}{`);
  const fb = (why?: string) => (why ? `#${esc(why)}` : '');
  if (q.type === 'single' || q.type === 'multiple') {
    const k = q.options.filter((o) => o.correct).length;
    // Every answer gets an explicit weight, so that an option text starting with "%" is not read as one.
    for (const o of q.options) {
      const w = q.type === 'single' ? (o.correct ? '100' : '0') : o.correct ? weight(k) : '-100';
      lines.push(`\t${q.type === 'single' && o.correct ? '=' : '~'}%${w}%${esc(o.text)}${fb(o.why)}`);
    }
  } else if (q.type === 'matching') {
    const byId = new Map(q.responses.map((r) => [r.id, r]));
    const used = new Set(q.prompts.map((p) => p.match));
    for (const p of q.prompts) lines.push(`\t=${esc(p.text)} -> ${esc(byId.get(p.match)?.text ?? '')}`);
    for (const r of q.responses) if (!used.has(r.id)) lines.push(`\t= -> ${esc(r.text)}`);
  }
  if (q.explanation) lines.push(`\t####${esc(q.explanation)}`);
  lines.push('}');
  return lines.join('\n');
}

/**
 * A GIFT file (Moodle's text format): `$CATEGORY:` per domain and task, `::id::` names, `#`
 * feedback per answer, `####` general feedback, `~%50%` weights for multiple response, matching
 * as `=prompt -> response`. A case study is a category holding a description (the scenario,
 * named by its title) and its questions. Ordering has no GIFT form: such entries are skipped.
 */
export function writeGift(entries: BankEntry[]): WriteResult<string> {
  const carried = projectGift(entries);
  const blocks: string[] = [];
  let current = '';
  for (const e of carried) {
    if (!e) continue;
    const cat = e.type === 'case' ? `${MOODLE_ROOT}/${CASE_FOLDER}/${e.id}` : taskCategory(e);
    if (cat !== current || e.type === 'case') blocks.push(`$CATEGORY: ${cat}`);
    current = cat;
    if (e.type === 'case') {
      const head = META_COMMENT + JSON.stringify({ id: e.id });
      blocks.push(`${head}\n::${esc(e.title)}::${esc(e.scenario)}`);
      for (const q of e.questions) blocks.push(question(q));
      current = '';
    } else blocks.push(question(e));
  }
  return { output: blocks.join('\n\n') + '\n', problems: lossReport('GIFT', entries, carried, () => 'GIFT has no ordering questions') };
}
