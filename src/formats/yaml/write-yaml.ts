import { stringify } from 'yaml';
import type { BankEntry } from '../../core/items/item-schema.ts';
import type { WriteResult } from '../common/format-problem.ts';

/** Field order of the bank's YAML files (docs/ITEM-FORMAT.md), so exported files read like hand-written ones. */
const ORDER = ['id', 'type', 'title', 'exams', 'task', 'bullets', 'module', 'difficulty', 'angoff', 'scenario', 'stem', 'select', 'options', 'steps', 'prompts', 'responses', 'questions', 'explanation', 'references', 'tags', 'text', 'match', 'correct', 'why'];

function ordered(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(ordered);
  if (!v || typeof v !== 'object') return v;
  const entries = Object.entries(v).filter(([k, x]) => x !== undefined && !(k === 'correct' && x === false));
  entries.sort(([a], [b]) => (ORDER.indexOf(a) === -1 ? 99 : ORDER.indexOf(a)) - (ORDER.indexOf(b) === -1 ? 99 : ORDER.indexOf(b)));
  return Object.fromEntries(entries.map(([k, x]) => [k, ordered(x)]));
}

/** A content file (`items: [...]`) that `certprep validate` reads back; YAML carries every field. */
export function writeYaml(entries: BankEntry[]): WriteResult<string> {
  return { output: stringify({ items: entries.map(ordered) }, { lineWidth: 0 }), problems: [] };
}
