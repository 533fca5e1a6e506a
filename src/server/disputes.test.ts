import { describe, expect, it } from 'vitest';
import type { AttemptView, Changelog, DisputeQueue, Notices, ScoreReport } from '../core/api/contracts.ts';
import { accountsApp } from '../../test/helpers/accounts-app.ts';
import { InjectClient } from '../../test/helpers/inject-client.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { syntheticBank, syntheticWrongAnswer } from '../../test/helpers/synthetic-bank.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { items } from '../db/repositories/items.ts';

const exam = loadExam('mla-c02');
const stores = useStores();
const T0 = Date.parse('2026-12-03T09:00:00Z');

/** The administrator makes Alice an author; Ann takes a practice of 12 questions answered at the end, all wrong. */
async function setup(store: StoreName) {
  const app = await accountsApp(stores, store, { exam, t0: T0, perDomain: 8 });
  const admin = await app.signUp('admin@example.com');
  const alice = await app.signUp('alice@example.com');
  expect((await admin.req('PUT', `/api/admin/users/${alice.user.id}/roles`, { roles: ['author'] })).statusCode).toBe(200);
  const ann = await app.signUp('ann@example.com');
  const bob = await app.signUp('bob@example.com');
  const view = (await ann.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c02', count: 12, feedback: 'end' })).json() as AttemptView;
  // Every answer wrong, so a wrong single-answer question always exists to dispute (a random draw answered
  // with the first options could get them all right).
  await ann.answerAll(view, view.items.map((i) => i.position), syntheticWrongAnswer);
  return { ...app, admin, alice, ann, bob, view };
}

describe.each(STORES)('key disputes, on %s', (store) => {
  it('a candidate disputes a revealed key; an accepted correction re-scores the report exactly, with a notice and a public changelog', async () => {
    const { ann, alice, bob, view, bank, db, clock, app } = await setup(store);
    const anonymous = new InjectClient(app);
    const first = view.items.find((i) => i.type === 'single')!;
    const early = await ann.req('POST', `/api/attempts/${view.id}/disputes/${first.position}`, { proposed: ['o1'], reason: 'The documentation says otherwise about this.' });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'key-not-revealed']);

    const report = (await ann.req('POST', `/api/attempts/${view.id}/submit`)).json() as ScoreReport;
    // A single question Ann got wrong: the dispute proposes the option she chose.
    const wrong = report.items.find((i) => i.type === 'single' && !i.correct)!;
    const chosen = wrong.options!.find((o) => o.chosen)!;
    const post = (body: object) => ann.req('POST', `/api/attempts/${view.id}/disputes/${wrong.position}`, body);
    expect((await post({ proposed: ['o9'], reason: 'The documentation says otherwise about this.' })).json().error.message).toBe('"o9" is not an option of this question.');
    expect((await post({ proposed: [chosen.id], reason: 'too short' })).statusCode).toBe(400);
    expect((await post({ proposed: [chosen.id], reason: 'The documentation says otherwise about this.', link: 'http://example.com' })).statusCode).toBe(400);
    const made = await post({ proposed: [chosen.id], reason: 'The documentation says otherwise about this.', link: 'https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ itemId: wrong.itemId, status: 'open', proposed: [chosen.text] });
    expect((await post({ proposed: [chosen.id], reason: 'The documentation says otherwise about this.' })).json().error.code).toBe('already-disputed');

    expect((await ann.req('GET', '/api/disputes')).statusCode).toBe(403);
    const queue = (await alice.req('GET', '/api/disputes')).json() as DisputeQueue;
    expect(queue.items.map((i) => [i.itemId, i.disputes.length])).toEqual([[wrong.itemId, 1]]);
    const item = queue.items[0]!;
    expect(item.stats.responses).toBe(1);
    expect(item.stats.shareRight).toBe(0);
    const proposedOption = item.options.find((o) => o.proposedBy === 1)!;
    expect(proposedOption.text).toBe(chosen.text);
    expect(proposedOption.correct).toBe(false);

    expect((await anonymous.req('GET', '/api/exams/mla-c02/changelog')).json()).toEqual({ exam: 'mla-c02', changes: [] });

    clock.t += 3_600_000;
    const bad = await alice.req('POST', `/api/disputes/items/${wrong.itemId}/resolve`, { decision: 'accept', reason: 'The page supports the candidate.', key: [proposedOption.id, item.options.find((o) => o.correct)!.id] });
    expect(bad.json().error.message).toBe(`Question ${wrong.itemId} asks for 1 option; the corrected key has 2.`);
    const done = await alice.req('POST', `/api/disputes/items/${wrong.itemId}/resolve`, { decision: 'accept', reason: 'The page supports the candidate.', key: [proposedOption.id] });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ decision: 'accept', disputes: 1, rescored: 1 });

    // The report changed exactly as the corrected key says: one more right, that question now right.
    const after = (await ann.req('GET', `/api/attempts/${view.id}/report`)).json() as ScoreReport;
    expect(after.raw).toBe(report.raw + 1);
    expect(after.items.find((i) => i.itemId === wrong.itemId)!.correct).toBe(true);
    expect(after.items.filter((i) => i.itemId !== wrong.itemId).map((i) => i.correct)).toEqual(report.items.filter((i) => i.itemId !== wrong.itemId).map((i) => i.correct));
    const notices = (await ann.req('GET', '/api/notices')).json() as Notices;
    expect(notices.notices).toEqual([{ attemptId: view.id, itemId: wrong.itemId, kind: 'key-corrected', summary: `The key is now “${chosen.text}”. The page supports the candidate.`, before: { raw: report.raw, scoredItems: report.scoredItems, scaled: null, passed: null }, after: { raw: report.raw + 1, scoredItems: report.scoredItems, scaled: null, passed: null }, date: new Date(T0 + 3_600_000).toISOString(), seen: false }]);
    expect(notices.disputes[0]).toMatchObject({ status: 'accepted', resolution: 'The page supports the candidate.' });
    expect((await ann.req('POST', '/api/notices/seen')).statusCode).toBe(204);
    expect(((await ann.req('GET', '/api/notices')).json() as Notices).notices[0]!.seen).toBe(true);

    // The changelog: the date, id and kind for anyone; the summary only for those who met the question.
    const log = { exam: 'mla-c02', changes: [{ date: '2026-12-03', itemId: wrong.itemId, kind: 'key-corrected', detail: null }] };
    expect((await anonymous.req('GET', '/api/exams/mla-c02/changelog')).json()).toEqual(log);
    expect(JSON.stringify((await anonymous.req('GET', '/api/exams/mla-c02/changelog')).json())).not.toContain(chosen.text);
    expect((await bob.req('GET', '/api/exams/mla-c02/changelog')).json()).toEqual(log);
    expect(((await ann.req('GET', '/api/exams/mla-c02/changelog')).json() as Changelog).changes[0]!.detail).toContain('The key is now');

    // The bank serves the corrected version, and reloading the unchanged content files keeps it.
    const keyOf = () => {
      const e = bank.current(wrong.itemId)!.entry;
      return e.type === 'single' ? e.options.filter((o) => o.correct).map((o) => o.id) : [];
    };
    expect(keyOf()).toEqual([proposedOption.id]);
    const summary = await items.load(db, 'bank', syntheticBank(exam, 8, 0), T0);
    await bank.refresh();
    expect([summary.changed, keyOf()]).toEqual([0, [proposedOption.id]]);
  });

  it('a rejected dispute tells the candidate why, and changes nothing', async () => {
    const { ann, alice, view } = await setup(store);
    const report = (await ann.req('POST', `/api/attempts/${view.id}/submit`)).json() as ScoreReport;
    const target = report.items.find((i) => i.type === 'single')!;
    const other = target.options!.find((o) => !o.correct)!;
    await ann.req('POST', `/api/attempts/${view.id}/disputes/${target.position}`, { proposed: [other.id], reason: 'I believe the other option is the right one here.' });
    const res = await alice.req('POST', `/api/disputes/items/${target.itemId}/resolve`, { decision: 'reject', reason: 'The key follows the quotas page.' });
    expect(res.json()).toEqual({ decision: 'reject', disputes: 1, rescored: 0, changeId: null });
    const notices = (await ann.req('GET', '/api/notices')).json() as Notices;
    expect([notices.notices, notices.disputes[0]!.status, notices.disputes[0]!.resolution]).toEqual([[], 'rejected', 'The key follows the quotas page.']);
    expect(((await ann.req('GET', `/api/attempts/${view.id}/report`)).json() as ScoreReport).raw).toBe(report.raw);
    expect((await alice.req('POST', `/api/disputes/items/${target.itemId}/resolve`, { decision: 'reject', reason: 'The key follows the quotas page.' })).statusCode).toBe(404);
  });
});
