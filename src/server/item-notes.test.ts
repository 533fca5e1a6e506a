import { describe, expect, it } from 'vitest';
import type { AttemptView, Progress, ScoreReport } from '../core/api/contracts.ts';
import { InjectClient } from '../../test/helpers/inject-client.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { syntheticBank } from '../../test/helpers/synthetic-bank.ts';
import { signedInApp } from '../../test/helpers/test-app.ts';

const exam = loadExam('mla-c01');
const bank = syntheticBank(exam, 12, 0);
const stores = useStores();
const setup = (store: StoreName) => signedInApp(stores, store, { exam, bank, t0: Date.parse('2026-12-03T09:00:00Z'), email: 'notes@example.com' });

describe.each(STORES)('bookmarks and notes, on %s', (store) => {
  it('keeps a note on the question: it shows in the report and in a later practice, and bookmarks make a practice of their own', async () => {
    const { client } = await setup(store);
    const first = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 4, feedback: 'end' })).json() as AttemptView;
    const saved = await client.req('PUT', `/api/attempts/${first.id}/notes/1`, { bookmarked: true, note: '  Kinesis vs MSK: re-read the quotas.  ' });
    expect(saved.json()).toEqual({ bookmarked: true, note: 'Kinesis vs MSK: re-read the quotas.' });
    await client.req('PUT', `/api/attempts/${first.id}/notes/2`, { bookmarked: true, note: '' });
    expect(((await client.req('GET', `/api/attempts/${first.id}`)).json() as AttemptView).notes).toEqual({
      '1': { bookmarked: true, note: 'Kinesis vs MSK: re-read the quotas.' },
      '2': { bookmarked: true, note: '' },
    });
    await client.answerAll(first);
    const report = (await client.req('POST', `/api/attempts/${first.id}/submit`)).json() as ScoreReport;
    const noted = report.items.find((i) => i.position === 1)!;
    expect(noted.note).toEqual({ bookmarked: true, note: 'Kinesis vs MSK: re-read the quotas.' });
    expect(report.items.find((i) => i.position === 0)!.note).toBeUndefined();
    // After submission the note can still change, from the report.
    await client.req('PUT', `/api/attempts/${first.id}/notes/2`, { bookmarked: false, note: '' });

    expect(((await client.req('GET', '/api/progress?exam=mla-c01')).json() as Progress).bookmarks).toBe(1);
    const bookmarks = await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 10, feedback: 'immediate', bookmarked: true });
    expect(bookmarks.statusCode).toBe(201);
    const started = bookmarks.json() as AttemptView;
    expect(started.items).toHaveLength(1);
    const view = (await client.req('GET', `/api/attempts/${started.id}`)).json() as AttemptView;
    // The same question, in a new attempt, at its own position: the note follows it.
    expect(Object.values(view.notes ?? {})).toEqual([{ bookmarked: true, note: 'Kinesis vs MSK: re-read the quotas.' }]);
    const history = ((await client.req('GET', '/api/progress?exam=mla-c01')).json() as Progress).attempts;
    expect(history.find((a) => a.id === view.id)?.scope).toEqual({ bookmarked: true });
  });

  it('refuses notes in a mock in progress, a position not on the attempt, an over-long note and another user’s attempt', async () => {
    const { client, app } = await setup(store);
    const mock = (await client.req('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c01', profile: 'short' })).json() as AttemptView;
    const inMock = await client.req('PUT', `/api/attempts/${mock.id}/notes/0`, { bookmarked: true, note: '' });
    expect(inMock.statusCode).toBe(409);
    expect(inMock.json().error.code).toBe('notes-in-mock');
    expect(((await client.req('GET', `/api/attempts/${mock.id}`)).json() as AttemptView).notes).toBeUndefined();
    await client.req('POST', `/api/attempts/${mock.id}/submit`);
    expect((await client.req('PUT', `/api/attempts/${mock.id}/notes/0`, { bookmarked: true, note: 'after' })).statusCode).toBe(200);

    const outside = await client.req('PUT', `/api/attempts/${mock.id}/notes/10`, { bookmarked: true, note: '' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toBe('position 10 is not on this attempt (it has 10 questions).');
    const long = await client.req('PUT', `/api/attempts/${mock.id}/notes/0`, { bookmarked: false, note: 'x'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toMatch(/at most 2000 characters/);
    const none = await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 3, feedback: 'end', bookmarked: true });
    expect(none.statusCode).toBe(201);

    const other = new InjectClient(app);
    await other.signUp('other-notes@example.com');
    expect((await other.req('PUT', `/api/attempts/${mock.id}/notes/0`, { bookmarked: true, note: '' })).statusCode).toBe(404);
    const empty = await other.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 3, feedback: 'end', bookmarked: true });
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error).toMatchObject({ code: 'no-bookmarks', message: 'You have bookmarked no MLA-C01 question yet.' });
  });
});
