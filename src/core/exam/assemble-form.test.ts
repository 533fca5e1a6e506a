import { describe, expect, it } from 'vitest';
import { loadExam } from '../../../test/helpers/load-exam.ts';
import { syntheticBank } from '../../../test/helpers/synthetic-bank.ts';
import { assembleForm, assemblePractice, ShortfallError, splitByWeight } from './assemble-form.ts';

const exam = loadExam();
const standard = exam.profiles.standard!;
const short = exam.profiles.short!;

describe('splitByWeight', () => {
  it('splits 50 scored items 14/13/11/12 and 15 unscored 4/4/3/4', () => {
    expect([...splitByWeight(50, exam.domains).values()]).toEqual([14, 13, 11, 12]);
    expect([...splitByWeight(15, exam.domains).values()]).toEqual([4, 4, 3, 4]);
    expect([...splitByWeight(8, exam.domains).values()].reduce((a, b) => a + b)).toBe(8);
  });
});

describe('assembleForm', () => {
  const bank = syntheticBank(exam, 30, 3);

  it('draws 65 distinct items: 50 scored and 15 unscored, split by domain weight', () => {
    const form = assembleForm(bank, { exam, profile: standard, seed: 'a' });
    expect(form.entries).toHaveLength(65);
    expect(new Set(form.entries.map((e) => e.itemId)).size).toBe(65);
    const count = (scored: boolean, d: string) => form.entries.filter((e) => e.scored === scored && e.domain === d).length;
    expect(['1', '2', '3', '4'].map((d) => count(true, d))).toEqual([14, 13, 11, 12]);
    expect(['1', '2', '3', '4'].map((d) => count(false, d))).toEqual([4, 4, 3, 4]);
    expect(form.entries.map((e) => e.position)).toEqual([...Array(65).keys()]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = assembleForm(bank, { exam, profile: standard, seed: 's1' });
    expect(assembleForm(bank, { exam, profile: standard, seed: 's1' })).toEqual(a);
    expect(assembleForm(bank, { exam, profile: standard, seed: 's2' }).entries.map((e) => e.itemId)).not.toEqual(a.entries.map((e) => e.itemId));
  });

  it('keeps a case study whole and contiguous', () => {
    const form = assembleForm(bank, { exam, profile: standard, seed: 'case' });
    const positions = form.entries.filter((e) => e.caseId === 'case-0' || e.caseId === 'case-1' || e.caseId === 'case-2');
    expect(positions.length).toBeGreaterThan(0);
    const byCase = new Map<string, number[]>();
    for (const e of positions) byCase.set(e.caseId!, [...(byCase.get(e.caseId!) ?? []), e.position]);
    for (const list of byCase.values()) {
      expect(list).toHaveLength(2);
      expect(list[1]! - list[0]!).toBe(1);
    }
  });

  it('prefers the items the candidate has seen least', () => {
    // Seen: the first 25 of each domain's 30 standalone items; 5 unseen remain per domain, more than short needs.
    const seen = new Map(bank.filter((e) => e.type !== 'case' && Number(e.id.slice(3)) < 25).map((e) => [e.id, 5]));
    const form = assembleForm(bank, { exam, profile: short, seed: 'x', seen });
    expect(seen.size).toBe(100);
    expect(form.entries.filter((e) => !e.caseId).every((e) => !seen.has(e.itemId))).toBe(true);
  });

  it('shuffles ordering steps so the written order is never shown', () => {
    for (const seed of ['1', '2', '3', '4', '5']) {
      const form = assembleForm(bank, { exam, profile: standard, seed });
      for (const e of form.entries.filter((x) => x.itemId.endsWith('2') || x.order[0]?.startsWith('s'))) {
        if (e.order[0]?.startsWith('s')) expect(e.order).not.toEqual(['s1', 's2', 's3', 's4']);
      }
    }
  });

  it('names the shortfall per domain when the bank is too small', () => {
    const small = syntheticBank(exam, 5, 0);
    let error: unknown;
    try {
      assembleForm(small, { exam, profile: standard, seed: 'z' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShortfallError);
    const shortfall = (error as ShortfallError).shortfall;
    expect(shortfall.map((s) => s.domain)).toEqual(['1', '2', '3', '4']);
    expect(shortfall[0]).toEqual({ domain: '1', needed: 18, available: 5 });
    expect((error as Error).message).toContain('domain 1 needs 18 items, 5 available');
  });

  it('leaves out items not valid for the exam or not fully tagged', () => {
    const bank2 = syntheticBank(exam, 10, 0).map((e) => (e.id.startsWith('d1-') && e.type !== 'case' ? { ...e, exams: { 'mla-c02': e.exams!['mla-c01']! } } : e));
    expect(() => assembleForm(bank2, { exam, profile: short, seed: 'v' })).toThrow(/domain 1 needs 3 items, 0 available/);
  });
});

describe('assemblePractice', () => {
  const bank = syntheticBank(exam, 12, 1);
  it('serves untagged (imported) items on the whole exam only, never in a mock', () => {
    const foreign = { id: 'lms-1', type: 'single' as const, stem: 'Imported?', options: ['a', 'b', 'c', 'd'].map((id, i) => ({ id, text: `Option ${id}`, correct: i === 0 })) };
    const withForeign = [...bank, foreign];
    const all = assemblePractice(withForeign, { exam, seed: 'f', count: 100 });
    expect(all.entries.find((e) => e.itemId === 'lms-1')).toMatchObject({ domain: '', scored: true });
    expect(assemblePractice(withForeign, { exam, seed: 'f', count: 100, domains: ['1', '2', '3', '4'] }).entries.some((e) => e.itemId === 'lms-1')).toBe(false);
    const big = syntheticBank(exam, 30, 0);
    expect(assembleForm([...big, foreign], { exam, profile: exam.profiles.standard!, seed: 'f' }).entries.some((e) => e.itemId === 'lms-1')).toBe(false);
  });
  it('filters by domain and count, every item scored', () => {
    const form = assemblePractice(bank, { exam, seed: 'p', count: 5, domains: ['3'] });
    expect(form.entries).toHaveLength(5);
    expect(form.entries.every((e) => e.domain === '3' && e.scored)).toBe(true);
  });
  it('keeps the priority order of items due for review', () => {
    const form = assemblePractice(bank, { exam, seed: 'p', count: 10, only: ['d2-003', 'd1-001'] });
    expect(form.entries.map((e) => e.itemId)).toEqual(['d2-003', 'd1-001']);
  });
});
