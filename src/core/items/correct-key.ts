import type { BankEntry, Question } from './item-schema.ts';

export type CorrectionKind = 'key-corrected' | 'rationale-fixed';

/**
 * A corrected version of the entry holding question `itemId` (itself, or one question of a case study):
 * its key set to `key` (bank option ids) and, optionally, some options' rationales or the explanation
 * rewritten. The options, their ids and texts stay, so every stored answer keeps its meaning; a
 * multiple-response key keeps the number of options the stem asks for. Only choice questions are corrected
 * this way. Says what the change is (the key, or only the rationale), or why it cannot be made.
 */
export function correctKey(entry: BankEntry, itemId: string, change: { key: string[]; why?: Record<string, string>; explanation?: string }): { entry: BankEntry; kind: CorrectionKind } | { problem: string } {
  const questions = entry.type === 'case' ? entry.questions : [entry];
  const q = questions.find((x) => x.id === itemId);
  if (!q) return { problem: `The entry ${entry.id} has no question ${itemId}.` };
  if (q.type !== 'single' && q.type !== 'multiple') return { problem: `Question ${itemId} is ${q.type === 'ordering' ? 'an ordering' : 'a matching'} question: only a choice question's key is corrected here.` };
  const ids = new Set(q.options.map((o) => o.id));
  const unknown = change.key.filter((k) => !ids.has(k));
  if (unknown.length) return { problem: `Question ${itemId} has no option ${unknown.join(', ')}.` };
  const key = [...new Set(change.key)];
  const wanted = q.type === 'single' ? 1 : q.select;
  if (key.length !== wanted) return { problem: `Question ${itemId} asks for ${wanted} option${wanted === 1 ? '' : 's'}; the corrected key has ${key.length}.` };
  const badWhy = Object.keys(change.why ?? {}).filter((k) => !ids.has(k));
  if (badWhy.length) return { problem: `Question ${itemId} has no option ${badWhy.join(', ')} to explain.` };
  const options = q.options.map((o) => ({ ...o, correct: key.includes(o.id), ...(change.why?.[o.id]?.trim() ? { why: change.why[o.id]!.trim() } : {}) }));
  const fixed = { ...q, options, ...(change.explanation?.trim() ? { explanation: change.explanation.trim() } : {}) } as Question;
  const keyChanged = q.options.some((o) => o.correct !== key.includes(o.id));
  if (!keyChanged && JSON.stringify(fixed) === JSON.stringify(q)) return { problem: 'The correction changes nothing: the key is the same and no rationale was rewritten.' };
  const next = entry.type === 'case' ? { ...entry, questions: entry.questions.map((x) => (x.id === itemId ? fixed : x)) } : fixed;
  return { entry: next as BankEntry, kind: keyChanged ? 'key-corrected' : 'rationale-fixed' };
}
