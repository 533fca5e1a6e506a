import { describe, expect, it } from 'vitest';
import type { AttemptView } from '../core/api/contracts.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { syntheticBank, syntheticRightAnswer } from '../../test/helpers/synthetic-bank.ts';
import { signedInApp } from '../../test/helpers/test-app.ts';

const exam = loadExam('mla-c01');
const stores = useStores();
const setup = (store: StoreName) => signedInApp(stores, store, { exam, bank: syntheticBank(exam, 12, 0), t0: Date.parse('2026-12-03T09:00:00Z'), email: 'unsure@example.com' });

describe.each(STORES)('"I was unsure" on practice answers, on %s', (store) => {
  it('sends a right answer marked unsure to the review queue, and leaves a sure right answer out', async () => {
    const { client, db } = await setup(store);
    const view = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 3, feedback: 'end' })).json() as AttemptView;
    await client.answerAll(view, [0, 1, 2], syntheticRightAnswer);
    expect((await client.req('PUT', `/api/attempts/${view.id}/unsure/0`, { unsure: true })).json()).toEqual({ unsure: true });
    await client.req('PUT', `/api/attempts/${view.id}/unsure/2`, { unsure: true });
    await client.req('PUT', `/api/attempts/${view.id}/unsure/2`, { unsure: false });
    expect(((await client.req('GET', `/api/attempts/${view.id}`)).json() as AttemptView).unsure).toEqual([0]);
    expect((await client.req('POST', `/api/attempts/${view.id}/submit`)).statusCode).toBe(200);

    const form = (await db.selectFrom('attempts').select('form').where('id', '=', view.id).executeTakeFirstOrThrow()).form;
    const itemAt = (p: number) => (JSON.parse(form) as { itemId: string }[])[p]!.itemId;
    const cards = await db.selectFrom('review_cards').select(['item_id', 'due_ms']).execute();
    expect(cards.map((c) => c.item_id)).toEqual([itemAt(0)]);
    // Hard on a new card: due again within the day, not weeks away.
    expect(Number(cards[0]!.due_ms) - Date.parse('2026-12-03T09:00:00Z')).toBeLessThan(86_400_000);

    const late = await client.req('PUT', `/api/attempts/${view.id}/unsure/1`, { unsure: true });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('attempt-submitted');
  });

  it('counts the mark given before Check in practice with feedback, and refuses it on a mock', async () => {
    const { client, db } = await setup(store);
    const view = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 2, feedback: 'immediate' })).json() as AttemptView;
    await client.answerAll(view, [0], syntheticRightAnswer);
    await client.req('PUT', `/api/attempts/${view.id}/unsure/0`, { unsure: true });
    expect((await client.req('POST', `/api/attempts/${view.id}/check/0`)).json().correct).toBe(true);
    expect(await db.selectFrom('review_cards').select('item_id').execute()).toHaveLength(1);

    const mock = (await client.req('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c01', profile: 'short' })).json() as AttemptView;
    const refused = await client.req('PUT', `/api/attempts/${mock.id}/unsure/0`, { unsure: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('Only a practice answer can be marked unsure.');
    expect((await client.req('PUT', `/api/attempts/${view.id}/unsure/5`, { unsure: true })).statusCode).toBe(400);
  });
});
