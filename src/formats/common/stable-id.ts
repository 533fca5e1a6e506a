import { ITEM_ID } from '../../core/items/item-schema.ts';

/**
 * A stable item id for formats that carry none (Aiken, plain Markdown): the format's name and a
 * 32-bit FNV-1a hash of the stem, so that importing the same file twice yields the same ids and
 * `--update` can find them. Collisions within one file get `-2`, `-3`, ... appended.
 *
 * FNV-1a: h0 = 2166136261; for each UTF-16 code unit c: h = (h XOR c) * 16777619 mod 2^32.
 */
export function stableId(prefix: string, stem: string, taken: Set<string>): string {
  let h = 2166136261;
  for (let i = 0; i < stem.length; i++) {
    h ^= stem.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  const base = `${prefix}-${h.toString(16).padStart(8, '0')}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Turns a foreign identifier into a valid choice id (lowercase, digits, `_`, `-`, at most 20), unique in `taken`. */
export function choiceIdFrom(raw: string, fallback: string, taken: Set<string>): string {
  let id = raw.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 20);
  if (!id) id = fallback;
  const base = id.slice(0, 17);
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Turns a foreign title or identifier into a valid item id, or undefined when nothing usable is left. */
export function itemIdFrom(raw: string): string | undefined {
  if (ITEM_ID.test(raw)) return raw;
  const id = raw.trim().toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').replace(/-+$/, '').slice(0, 80);
  return id || undefined;
}
