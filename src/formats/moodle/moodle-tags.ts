import { examTagsFromText, examTagsToText } from '../common/exam-tags-text.ts';
import { META_KEYS, type Meta } from '../common/item-parts.ts';

/**
 * certprep metadata as Moodle question tags, `certprep:<field>=<value>`, one tag per list value
 * (Moodle tags are flat strings); one `certprep:exam=` tag per exam with its tags as text
 * (`certprep:exam=mla-c02 task=1.2 bullets=1.2.s5 module=28 angoff=0.6`, exam-tags-text.ts). Any
 * other tag is an ordinary tag of the item.
 */
const SINGULAR: Record<string, string> = { exams: 'exam', bullets: 'bullet', references: 'reference' };
const PREFIX = 'certprep:';

export function metaToTags(meta: Meta, tags: string[] = []): string[] {
  const out: string[] = [];
  for (const k of META_KEYS) {
    if (k === 'tags') continue;
    const v = k === 'exams' ? (meta.exams ? examTagsToText(meta.exams) : undefined) : meta[k];
    if (v === undefined) continue;
    const name = SINGULAR[k] ?? k;
    for (const x of Array.isArray(v) ? v : [v]) out.push(`${PREFIX}${name}=${x}`);
  }
  return [...out, ...tags];
}

/** Reads tags back into metadata (numbers parsed) and the remaining ordinary tags. */
export function tagsToMeta(list: string[]): { meta: Record<string, unknown>; tags: string[] } {
  const meta: Record<string, unknown> = {};
  const tags: string[] = [];
  const plural = new Map(Object.entries(SINGULAR).map(([p, s]) => [s, p]));
  for (const t of list) {
    const m = t.startsWith(PREFIX) ? /^certprep:([a-z]+)=([\s\S]*)$/.exec(t) : null;
    if (!m) {
      tags.push(t);
      continue;
    }
    const [, name, value] = m as unknown as [string, string, string];
    const listKey = plural.get(name);
    if (listKey) ((meta[listKey] ??= []) as string[]).push(value);
    else if (name === 'module' || name === 'difficulty' || name === 'angoff') meta[name] = Number(value);
    else meta[name] = value;
  }
  if (Array.isArray(meta.exams)) meta.exams = examTagsFromText(meta.exams as string[]);
  return { meta, tags };
}

export function isCertprepTag(t: string): boolean {
  return t.startsWith(PREFIX);
}
