import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { entryQuestions } from '../core/items/item-schema.ts';
import { loadContent } from './load-content.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Decision {
  id: string;
  c02?: { task: string; bullets: string[]; module: number; angoff: number };
  c01Only?: string;
}

describe('MLA-C02 carry-over decisions (docs/mla-c02-carryover.yaml)', () => {
  it('match the bank: each MLA-C01 question is tagged for MLA-C02 as decided, or stays MLA-C01 only with a reason', async () => {
    const decisions = load(await readFile(path.join(repo, 'docs/mla-c02-carryover.yaml'), 'utf8')) as Decision[];
    const byId = new Map(decisions.map((d) => [d.id, d]));
    const loaded = await loadContent(path.join(repo, 'content'));
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const questions = new Map(loaded.entries.flatMap(entryQuestions).map((q) => [q.id, q]));
    // Every decision names a question of the bank: the 363 written for MLA-C01 before MLA-C02, then those
    // written later for MLA-C01 only.
    expect(decisions.length).toBeGreaterThanOrEqual(363);
    for (const d of decisions) expect(questions.has(d.id), `${d.id} is in the carry-over but not in the bank`).toBe(true);
    const c01 = [...questions.values()].filter((q) => q.exams?.['mla-c01']);
    for (const q of c01) {
      const d = byId.get(q.id);
      // A question written later for both versions needs no decision; one valid for MLA-C01 only always does.
      if (!d && q.exams?.['mla-c02']) continue;
      expect(d, `${q.id} is MLA-C01 only and has no carry-over decision`).toBeDefined();
      // The Angoff rating may be revised after the carry-over (harder distractors, a review); the tags may not.
      if (d!.c02) {
        const { angoff: _angoff, ...tags } = q.exams?.['mla-c02'] ?? { angoff: undefined };
        const { angoff: _decided, ...decided } = d!.c02;
        expect(tags, q.id).toEqual(decided);
      }
      else {
        expect(q.exams?.['mla-c02'], `${q.id} is MLA-C01 only`).toBeUndefined();
        expect(d!.c01Only, q.id).toMatch(/\S.{19,}/);
      }
    }
  });

  it('never tags for MLA-C02 a question whose key names Amazon Mechanical Turk, which shut down', async () => {
    const loaded = await loadContent(path.join(repo, 'content'));
    for (const q of loaded.entries.flatMap(entryQuestions)) {
      if (!q.exams?.['mla-c02']) continue;
      const keys = q.type === 'single' || q.type === 'multiple' ? q.options.filter((o) => o.correct).map((o) => o.text) : q.type === 'matching' ? q.responses.filter((r) => q.prompts.some((p) => p.match === r.id)).map((r) => r.text) : [];
      expect(keys.join(' '), q.id).not.toMatch(/Mechanical Turk/);
    }
  });
});
