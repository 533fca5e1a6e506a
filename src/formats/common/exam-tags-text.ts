import type { ExamTag } from '../../core/items/item-schema.ts';

/**
 * One exam's tags as one line of text, for formats whose metadata are flat strings (QTI outcome
 * values, Moodle tags, CSV cells): `mla-c02 task=1.2 bullets=1.2.s5,1.2.s7 module=28 angoff=0.6`.
 * A value that is only an exam id (`mla-c01`) is how files written before per-exam tags name an
 * exam; the reader then takes the tags from the item's own task, bullets, module and angoff.
 */
export function examTagToText(examId: string, tag: ExamTag): string {
  const parts = [examId];
  if (tag.task !== undefined) parts.push(`task=${tag.task}`);
  if (tag.bullets !== undefined) parts.push(`bullets=${tag.bullets.join(',')}`);
  if (tag.module !== undefined) parts.push(`module=${tag.module}`);
  if (tag.angoff !== undefined) parts.push(`angoff=${tag.angoff}`);
  return parts.join(' ');
}

export function examTagsToText(exams: Record<string, ExamTag> | undefined): string[] {
  return Object.entries(exams ?? {}).map(([id, tag]) => examTagToText(id, tag));
}

/**
 * Reads lines written by `examTagsToText` back into an `exams` map. Plain exam ids (older files)
 * come back as a list, which `upgradeEntry` completes from the item's top-level fields. Values
 * are kept as read (numbers parsed); the schema judges them.
 */
export function examTagsFromText(lines: readonly string[]): Record<string, Record<string, unknown>> | string[] | undefined {
  const clean = lines.map((l) => l.trim()).filter(Boolean);
  if (clean.length === 0) return undefined;
  if (clean.every((l) => !/\s/.test(l))) return clean;
  const out: Record<string, Record<string, unknown>> = {};
  for (const line of clean) {
    const [id, ...fields] = line.split(/\s+/);
    const tag: Record<string, unknown> = {};
    for (const f of fields) {
      const eq = f.indexOf('=');
      const key = eq === -1 ? f : f.slice(0, eq);
      const value = eq === -1 ? '' : f.slice(eq + 1);
      if (key === 'bullets') tag.bullets = value.split(',').filter(Boolean);
      else if (key === 'module' || key === 'angoff') tag[key] = Number(value);
      else tag[key] = value;
    }
    out[id!] = tag;
  }
  return out;
}
