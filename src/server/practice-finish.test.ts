import { describe, expect, it } from 'vitest';
import type { AttemptView, Progress, ScoreReport } from '../core/api/contracts.ts';
import { attempts } from '../db/repositories/attempts.ts';
import { revealedKeys } from '../db/repositories/revealed-keys.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { syntheticBank, syntheticWrongAnswer } from '../../test/helpers/synthetic-bank.ts';
import { signedInApp } from '../../test/helpers/test-app.ts';

const exam = loadExam('mla-c01');
const bank = syntheticBank(exam, 12, 0);
const T0 = Date.parse('2026-12-03T09:00:00Z');
const stores = useStores();

const setup = (store: StoreName) => signedInApp(stores, store, { exam, bank, t0: T0, email: 'practice@example.com' });

describe.each(STORES)('finishing practice early, on %s', (store) => {
  it('counts only the questions answered: the untouched stay unseen, out of mastery and out of the review queue', async () => {
    const { db, client, clock } = await setup(store);
    // Twelve domain-1 questions answered wrong: all twelve come due for review an hour later.
    const first = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', domains: ['1'], count: 12, feedback: 'end' })).json() as AttemptView;
    await client.answerAll(first, undefined, syntheticWrongAnswer);
    await client.req('POST', `/api/attempts/${first.id}/submit`);
    clock.t += 3_600_000;
    const before = (await client.req('GET', '/api/progress?exam=mla-c01')).json() as Progress;
    expect(before).toMatchObject({ answered: 12, dueForReview: 12 });

    // A review session of 10: two answered, then finished.
    const review = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', review: true, count: 10, feedback: 'end' })).json() as AttemptView;
    expect(review.items).toHaveLength(10);
    await client.answerAll(review, [0, 1], syntheticWrongAnswer);
    const report = (await client.req('POST', `/api/attempts/${review.id}/submit`)).json() as ScoreReport;
    expect(report).toMatchObject({ kind: 'practice', method: 'practice', scaled: null, passed: null, raw: 0, scoredItems: 2, unanswered: 8 });
    expect(report.items.map((i) => i.position)).toEqual([0, 1]);
    expect(report.domains).toEqual([{ id: '1', name: exam.domains[0]!.name, correct: 0, total: 2, classification: null }]);

    const after = (await client.req('GET', '/api/progress?exam=mla-c01')).json() as Progress;
    // Two more responses, not ten; the eight untouched are still due.
    expect(after.answered).toBe(14);
    expect(after.domains[0]).toMatchObject({ answered: 14, correct: 0 });
    expect(after.dueForReview).toBe(10);
  });

  it('says when a practice holds fewer questions than were asked for', async () => {
    const { client } = await setup(store);
    const view = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', domains: ['3'], count: 50, feedback: 'end' })).json() as AttemptView;
    expect(view.items).toHaveLength(12);
    expect(view.target).toBe(50);
    const reread = (await client.req('GET', `/api/attempts/${view.id}`)).json() as AttemptView;
    expect(reread.target).toBe(50);
  });

  it('redoes chosen questions (those answered wrong), ignoring ids outside the exam, and names it in the history', async () => {
    const { client } = await setup(store);
    const ids = bank.flatMap((e) => (e.type === 'case' ? [] : [e.id])).slice(0, 3);
    const redo = await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', items: [...ids, 'no-such-item'], count: 4, feedback: 'immediate' });
    expect(redo.statusCode).toBe(201);
    expect((redo.json() as AttemptView).items).toHaveLength(3);
    const none = await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', items: ['no-such-item'], count: 1 });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toBe('None of these questions is in the MLA-C01 bank any longer.');
    const history = (await client.req('GET', '/api/attempts')).json() as { scope: unknown }[];
    expect(history[0]!.scope).toEqual({ items: 3 });
  });

  it('reveals only the keys of the questions answered, so the untouched stay fit for measurement', async () => {
    const { db, client, clock } = await setup(store);
    const userId = (await client.req('GET', '/api/session')).json().user.id as string;
    const practice = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', domains: ['2'], count: 5, feedback: 'end' })).json() as AttemptView;
    const form = await attempts.byId(db, practice.id);
    await client.answerAll(practice, [3]);
    const report = (await client.req('POST', `/api/attempts/${practice.id}/submit`)).json() as ScoreReport;
    expect(report).toMatchObject({ scoredItems: 1, unanswered: 4 });
    const ids = form!.form.map((e) => e.itemId);
    expect([...(await revealedKeys.seenBefore(db, userId, ids, clock.t + 1))]).toEqual([form!.form[3]!.itemId]);
  });
});
