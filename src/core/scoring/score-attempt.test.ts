import { describe, expect, it } from 'vitest';
import { loadExam } from '../../../test/helpers/load-exam.ts';
import { syntheticBank } from '../../../test/helpers/synthetic-bank.ts';
import { assembleForm } from '../exam/assemble-form.ts';
import { presentItem, toBankAnswer, toPresentedAnswer, AnswerShapeError } from '../exam/present-item.ts';
import { tagQuestion } from '../items/exam-tags.ts';
import type { CaseStudy, Question } from '../items/item-schema.ts';
import { angoffRawCut } from '../measure/scaled-score.ts';
import { angoffScaled } from './angoff-scale.ts';
import { scoreAttempt } from './score-attempt.ts';
import { scoreQuestion, type BankAnswer } from './score-question.ts';

const exam = loadExam();
const bank = syntheticBank(exam, 30, 2);
const questions = new Map<string, Question>();
const cases = new Map<string, CaseStudy>();
for (const e of bank) {
  if (e.type === 'case') {
    cases.set(e.id, e);
    for (const q of e.questions) questions.set(q.id, q);
  } else questions.set(e.id, e);
}
const q = (id: string) => questions.get(id)!;

describe('scoreQuestion', () => {
  it('scores multiple choice on the single key', () => {
    expect(scoreQuestion(q('d1-000'), { choice: 'b' })).toBe(true);
    expect(scoreQuestion(q('d1-000'), { choice: 'a' })).toBe(false);
  });
  it('scores multiple response all or nothing', () => {
    expect(scoreQuestion(q('d1-001'), { choices: ['d', 'a'] })).toBe(true);
    expect(scoreQuestion(q('d1-001'), { choices: ['a'] })).toBe(false);
    expect(scoreQuestion(q('d1-001'), { choices: ['a', 'd', 'b'] })).toBe(false);
  });
  it('scores ordering on the whole order', () => {
    expect(scoreQuestion(q('d1-002'), { order: ['s1', 's2', 's3', 's4'] })).toBe(true);
    expect(scoreQuestion(q('d1-002'), { order: ['s1', 's2', 's4', 's3'] })).toBe(false);
  });
  it('scores matching only when every pair is right', () => {
    expect(scoreQuestion(q('d1-003'), { pairs: { p1: 'r1', p2: 'r2', p3: 'r3' } })).toBe(true);
    expect(scoreQuestion(q('d1-003'), { pairs: { p1: 'r1', p2: 'r2', p3: 'r4' } })).toBe(false);
    expect(scoreQuestion(q('d1-003'), { pairs: { p1: 'r1', p2: 'r2' } })).toBe(false);
  });
  it('scores unanswered and wrong-shaped answers as wrong', () => {
    expect(scoreQuestion(q('d1-000'), null)).toBe(false);
    expect(scoreQuestion(q('d1-000'), { choices: ['b'] })).toBe(false);
  });
});

describe('Angoff scale', () => {
  it('maps 0 to 100, the cut to 720 and all correct to 1000', () => {
    expect(angoffScaled(0, 30, 50)).toBe(100);
    expect(angoffScaled(30, 30, 50)).toBe(720);
    expect(angoffScaled(50, 30, 50)).toBe(1000);
    expect(angoffScaled(40, 30, 50)).toBe(860);
    expect(angoffScaled(15, 30, 50)).toBe(410);
  });
  it('keeps the raw cut within [1, n-1]', () => {
    expect(angoffRawCut([0.99, 0.99, 0.99])).toBe(2);
    expect(angoffRawCut([0.01, 0.01, 0.01])).toBe(1);
    expect(angoffRawCut([0.6, 0.7, 0.5, 0.8])).toBeCloseTo(2.6);
  });
});

describe('presentation ids', () => {
  const form = assembleForm(bank, { exam, profile: exam.profiles.standard!, seed: 'present' });
  it('never show bank ids, and round-trip answers through them', () => {
    for (const entry of form.entries) {
      const item = presentItem(q(entry.itemId), entry);
      const ids = [...(item.options ?? []), ...(item.steps ?? []), ...(item.prompts ?? []), ...(item.responses ?? [])].map((o) => o.id);
      expect(ids.every((id) => /^[osprp]\d+$/.test(id))).toBe(true);
      expect(JSON.stringify(item)).not.toMatch(/"correct"|"why"|"match"|"explanation"/);
    }
    const ordering = form.entries.find((e) => q(e.itemId).type === 'ordering')!;
    const bankOrder: BankAnswer = { order: ['s1', 's2', 's3', 's4'] };
    const shown = toPresentedAnswer(q(ordering.itemId), ordering, bankOrder);
    expect(toBankAnswer(q(ordering.itemId), ordering, shown)).toEqual(bankOrder);
  });
  it('refuses ids that are not the item’s and answers of the wrong shape', () => {
    const single = form.entries.find((e) => q(e.itemId).type === 'single')!;
    expect(() => toBankAnswer(q(single.itemId), single, { choice: 'o9' })).toThrow(AnswerShapeError);
    expect(() => toBankAnswer(q(single.itemId), single, { order: ['s1'] })).toThrow(/takes \{"choice"/);
  });
  it('refuses more choices than a multiple-response item asks for, and accepts up to that many', () => {
    const multi = form.entries.find((e) => q(e.itemId).type === 'multiple')!;
    const item = q(multi.itemId);
    if (item.type !== 'multiple') throw new Error('a multiple-response entry');
    const ids = multi.order.map((_, i) => `o${i + 1}`);
    expect(() => toBankAnswer(item, multi, { choices: ids.slice(0, item.select + 1) })).toThrow(new RegExp(`asks for ${item.select} options; ${item.select + 1} were chosen`));
    expect(toBankAnswer(item, multi, { choices: ids.slice(0, item.select) })).toHaveProperty('choices');
    expect(toBankAnswer(item, multi, { choices: ids.slice(0, 1) })).toHaveProperty('choices');
  });
});

describe('scoreAttempt', () => {
  const form = assembleForm(bank, { exam, profile: exam.profiles.standard!, seed: 'report' });
  const key = (id: string): BankAnswer => {
    const item = q(id);
    if (item.type === 'single') return { choice: item.options.find((o) => o.correct)!.id };
    if (item.type === 'multiple') return { choices: item.options.filter((o) => o.correct).map((o) => o.id) };
    if (item.type === 'ordering') return { order: item.steps.map((s) => s.id) };
    return { pairs: Object.fromEntries(item.prompts.map((p) => [p.id, p.match])) };
  };
  const run = (answers: Map<number, BankAnswer | null>) =>
    scoreAttempt({ attemptId: 'a1', kind: 'mock', exam, entries: form.entries, questions, cases, answers, submittedAt: new Date('2026-01-01T00:00:00Z') });

  it('gives 1000 and meets every domain when all is right; unscored items do not count', () => {
    const report = run(new Map(form.entries.map((e) => [e.position, key(e.itemId)])));
    expect(report.scoredItems).toBe(50);
    expect(report.raw).toBe(50);
    expect(report.scaled).toBe(1000);
    expect(report.passed).toBe(true);
    expect(report.domains.every((d) => d.classification === 'meets')).toBe(true);
    expect(report.items).toHaveLength(65);
  });

  it('counts unanswered as wrong and scores only the scored items', () => {
    // Right on every unscored item only: raw 0.
    const answers = new Map(form.entries.filter((e) => !e.scored).map((e) => [e.position, key(e.itemId)]));
    const report = run(answers);
    expect(report.raw).toBe(0);
    expect(report.scaled).toBe(100);
    expect(report.passed).toBe(false);
    expect(report.domains.map((d) => d.classification)).toEqual(['needs-improvement', 'needs-improvement', 'needs-improvement', 'needs-improvement']);
    expect(report.items.filter((i) => !i.answered)).toHaveLength(50);
  });

  it('passes exactly at the raw cut (0.6 × 50 = 30 right)', () => {
    const scored = form.entries.filter((e) => e.scored);
    const answers = new Map(scored.slice(0, 30).map((e) => [e.position, key(e.itemId)]));
    const report = run(answers);
    expect(report.rawCut).toBe(30);
    expect(report.scaled).toBe(720);
    expect(report.passed).toBe(true);
  });

  const tagged = new Map([...questions].map(([id, question]) => [id, tagQuestion(question, exam.id)]));
  it('breaks the scored items down by task statement and by bullet, in the exam order', () => {
    const report = scoreAttempt({ attemptId: 'a2', kind: 'mock', exam, entries: form.entries, questions: tagged, cases, submittedAt: new Date('2026-01-01T00:00:00Z'), answers: new Map(form.entries.map((e) => [e.position, key(e.itemId)])) });
    expect(report.tasks.reduce((n, t) => n + t.total, 0)).toBe(50);
    expect(report.tasks.every((t) => t.correct === t.total)).toBe(true);
    expect(report.tasks.map((t) => t.id)).toEqual([...report.tasks.map((t) => t.id)].sort());
    expect(report.tasks[0]).toMatchObject({ id: '1.1', domain: '1', title: exam.domains[0]!.tasks[0]!.title });
    expect(report.skills.length).toBeGreaterThan(0);
    expect(report.skills.every((s) => s.text.length > 0 && s.total > 0)).toBe(true);
  });

  it('reports practice as right and wrong on the answered questions only, with no scaled score or verdict', () => {
    const entries = form.entries.slice(0, 10);
    const answers = new Map<number, BankAnswer | null>([
      [entries[0]!.position, key(entries[0]!.itemId)],
      [entries[1]!.position, key(entries[1]!.itemId)],
      [entries[2]!.position, { choice: 'zz' }],
    ]);
    const report = scoreAttempt({ attemptId: 'p1', kind: 'practice', exam, entries, questions: tagged, cases, answers, submittedAt: new Date('2026-01-01T00:00:00Z') });
    expect(report).toMatchObject({ method: 'practice', scaled: null, passed: null, passProbability: null, raw: 2, scoredItems: 3, unanswered: 7 });
    expect(report.items.map((i) => i.position)).toEqual(entries.slice(0, 3).map((e) => e.position));
    expect(report.domains.every((d) => d.classification === null)).toBe(true);
    expect(report.domains.reduce((n, d) => n + d.total, 0)).toBe(3);
    expect(report.tasks.reduce((n, t) => n + t.total, 0)).toBe(3);
  });
});
