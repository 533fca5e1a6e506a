import { describe, expect, it } from 'vitest';
import { loadExam } from '../../../test/helpers/load-exam.ts';
import { syntheticBank } from '../../../test/helpers/synthetic-bank.ts';
import { assembleForm, assemblePractice, splitByWeight } from './assemble-form.ts';

const c02 = loadExam('mla-c02');

describe('MLA-C02 forms', () => {
  it('split 50 scored items 14/12/12/12 and 15 unscored by the same weights', () => {
    expect([...splitByWeight(50, c02.domains).values()]).toEqual([14, 12, 12, 12]);
    expect([...splitByWeight(15, c02.domains).values()]).toEqual([4, 4, 4, 3]);
  });

  it('hold only single and multiple questions: never ordering, matching or a case study', () => {
    // The synthetic bank cycles single, multiple, ordering, matching: half of it may enter a C02 mock.
    const bank = syntheticBank(c02, 60, 3);
    const form = assembleForm(bank, { exam: c02, profile: c02.profiles.standard!, seed: 'c02' });
    const byId = new Map(bank.flatMap((e) => (e.type === 'case' ? e.questions : [e])).map((q) => [q.id, q]));
    expect(form.entries).toHaveLength(65);
    expect(new Set(form.entries.map((e) => byId.get(e.itemId)!.type))).toEqual(new Set(['single', 'multiple']));
    expect(form.entries.some((e) => e.caseId)).toBe(false);
    const scored = (d: string) => form.entries.filter((e) => e.scored && e.domain === d).length;
    expect(['1', '2', '3', '4'].map(scored)).toEqual([14, 12, 12, 12]);
  });

  it('name the shortfall per domain when too few single and multiple questions exist, though ordering ones would fill it', () => {
    const bank = syntheticBank(c02, 20, 0); // 10 single or multiple per domain
    expect(() => assembleForm(bank, { exam: c02, profile: c02.profiles.standard!, seed: 'x' })).toThrow(/domain 1 needs 18 items, 10 available/);
  });

  it('let practice use ordering and matching questions tagged for C02', () => {
    const bank = syntheticBank(c02, 8, 0);
    const form = assemblePractice(bank, { exam: c02, seed: 'p', count: 32 });
    expect(form.entries).toHaveLength(32);
  });

  it('leave out questions tagged for MLA-C01 only', () => {
    const c01 = loadExam('mla-c01');
    const bank = syntheticBank(c01, 8, 0);
    expect(assemblePractice(bank, { exam: c02, seed: 'p', count: 10 }).entries).toHaveLength(0);
  });
});
