import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Answer, AttemptView, ScoreReport } from '../core/api/contracts.ts';
import type { FormEntry } from '../core/exam/assemble-form.ts';
import { toPresentedAnswer } from '../core/exam/present-item.ts';
import type { Question } from '../core/items/item-schema.ts';
import type { BankAnswer } from '../core/scoring/score-question.ts';
import { attempts } from '../db/repositories/attempts.ts';
import { items } from '../db/repositories/items.ts';
import { CollectionStore } from '../db/collection-store.ts';
import type { Database } from '../db/schema.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { syntheticBank } from '../../test/helpers/synthetic-bank.ts';
import { InjectClient as Client } from '../../test/helpers/inject-client.ts';
import { buildApp, type App } from './build-app.ts';

const exam = loadExam();
const bank = syntheticBank(exam, 12, 2);
const T0 = Date.parse('2026-05-01T09:00:00Z');
const stores = useStores();

async function setup(store: StoreName, clock: { t: number }): Promise<App & { client: Client; db: Kysely<Database> }> {
  const handle = await stores.open(store);
  await items.load(handle.db, 'bank', bank, T0);
  const built = await buildApp({ db: handle.db, sqlite: handle.sqlite, exams: [exam], now: () => clock.t, signInLimitPerMinute: 3 });
  return { ...built, client: new Client(built.app), db: handle.db };
}

const questionOf = (id: string): Question => {
  for (const e of bank) {
    if (e.type === 'case') {
      const q = e.questions.find((x) => x.id === id);
      if (q) return q;
    } else if (e.id === id) return e;
  }
  throw new Error(id);
};

describe.each(STORES)('API on %s', (store) => {
  it('walks through first run, sign-up, sign-in errors and the rate limit', async () => {
    const clock = { t: T0 };
    const { client, app } = await setup(store, clock);
    const first = await client.req('GET', '/api/session');
    expect(first.json()).toMatchObject({ user: null, firstRun: true });
    client.csrf = first.json().csrfToken;
    const noCsrf = await client.req('POST', '/api/auth/signup', { email: 'a@example.com', name: 'A', password: 'long enough pw' }, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf');
    const weak = await client.req('POST', '/api/auth/signup', { email: 'a@example.com', name: 'A', password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toContain('password: use at least 10 characters');
    await client.signUp('a@example.com');
    const session = await client.req('GET', '/api/session');
    expect(session.json()).toMatchObject({ user: { email: 'a@example.com' }, firstRun: false });
    const sessionCookie = [...client.cookies].find(([k]) => k === 'certprep_session');
    expect(sessionCookie).toBeDefined();
    const fr = await client.req('PUT', '/api/session/locale', { locale: 'fr' });
    expect(fr.json().user.locale).toBe('fr');
    expect((await client.req('GET', '/api/session')).json().user.locale).toBe('fr');
    expect((await client.req('PUT', '/api/session/locale', { locale: 'de' })).statusCode).toBe(400);

    const other = new Client(app);
    other.csrf = (await other.req('GET', '/api/session')).json().csrfToken;
    const wrong = await other.req('POST', '/api/auth/signin', { email: 'a@example.com', password: 'wrong password!' });
    expect(wrong.statusCode).toBe(401);
    await other.req('POST', '/api/auth/signin', { email: 'a@example.com', password: 'wrong password!' });
    await other.req('POST', '/api/auth/signin', { email: 'a@example.com', password: 'wrong password!' });
    const limited = await other.req('POST', '/api/auth/signin', { email: 'a@example.com', password: 'correct horse battery' });
    expect(limited.statusCode).toBe(429);
    clock.t += 61_000;
    const ok = await other.req('POST', '/api/auth/signin', { email: 'a@example.com', password: 'correct horse battery' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.email).toBe('a@example.com');

    // Thirty-one days later the session has expired: a clear 401, and sign-in works again.
    clock.t += 31 * 86_400_000;
    const expired = await other.req('GET', '/api/attempts');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('session-expired');
  });

  it('runs a mock exam: no key before submission, autosave, two tabs, deadline, report', async () => {
    const clock = { t: T0 };
    const { client, app, db } = await setup(store, clock);
    await client.signUp('b@example.com');
    const start = await client.req('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c01', profile: 'short', accommodation: 'esl' });
    expect(start.statusCode).toBe(201);
    const view = start.json() as AttemptView;
    expect(view.items).toHaveLength(10);
    expect(Date.parse(view.deadline!) - T0).toBe(50 * 60_000);
    expect(start.body).not.toMatch(/"correct"|"why"|"explanation"|"match"|"references"/);

    // Answer every item correctly, translating the key into presentation ids the way a candidate would click.
    const report0 = await app.inject({ method: 'GET', url: `/api/attempts/${view.id}/report`, headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(report0.statusCode).toBe(409);
    let seq = 0;
    const form = (await client.req('GET', `/api/attempts/${view.id}`)).json() as AttemptView;
    const internal = (await attempts.byId(db, view.id))!.form;
    for (const item of form.items) {
      const entry = internal[item.position]!;
      const q = questionOf(entry.itemId);
      const answer = keyAnswer(q, entry);
      const r = await client.req('PUT', `/api/attempts/${view.id}/answers/${item.position}`, { tab: 'tab-aaaaaaaa', seq: ++seq, baseRevision: 0, answer, flagged: item.position === 2, struck: [] });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ position: item.position, revision: 1 });
    }
    // The same request again (a retry after a lost acknowledgement) is acknowledged, not applied twice.
    const entry0 = internal[0]!;
    const replay = await client.req('PUT', `/api/attempts/${view.id}/answers/0`, { tab: 'tab-aaaaaaaa', seq: 1, baseRevision: 0, answer: keyAnswer(questionOf(entry0.itemId), entry0), flagged: false, struck: [] });
    expect(replay.statusCode).toBe(200);
    expect(replay.json().revision).toBe(1);
    // A second tab that still believes revision 0 is refused with the current answer, which is kept.
    const stale = await client.req('PUT', `/api/attempts/${view.id}/answers/0`, { tab: 'tab-bbbbbbbb', seq: 1, baseRevision: 0, answer: null, flagged: false, struck: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale');
    expect(stale.json().error.details.current.revision).toBe(1);
    expect(stale.json().error.details.current.answer).not.toBeNull();
    // Bad requests change nothing.
    const malformed = await client.req('PUT', `/api/attempts/${view.id}/answers/0`, undefined, { raw: '{"tab": ' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('invalid-json');
    const unknown = await client.req('PUT', `/api/attempts/${view.id}/answers/0`, { tab: 'tab-aaaaaaaa', seq: 99, baseRevision: 1, answer: null, flagged: false, struck: [], extra: 1 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('unknown field extra');
    const badId = await client.req('PUT', `/api/attempts/${view.id}/answers/0`, { tab: 'tab-aaaaaaaa', seq: 100, baseRevision: 1, answer: { choice: 'o9' }, flagged: false, struck: [] });
    expect(badId.statusCode).toBe(400);
    const outOfRange = await client.req('PUT', `/api/attempts/${view.id}/answers/10`, { tab: 'tab-aaaaaaaa', seq: 101, baseRevision: 0, answer: null, flagged: false, struck: [] });
    expect(outOfRange.statusCode).toBe(404);

    // Another user cannot see or change this attempt.
    const intruder = new Client(app);
    await intruder.signUp('c@example.com');
    expect((await intruder.req('GET', `/api/attempts/${view.id}`)).statusCode).toBe(404);
    expect((await intruder.req('PUT', `/api/attempts/${view.id}/answers/1`, { tab: 'tab-cccccccc', seq: 1, baseRevision: 1, answer: null, flagged: false, struck: [] })).statusCode).toBe(404);

    // Resume: every acknowledged answer is there, flags too.
    const resumed = (await client.req('GET', `/api/attempts/${view.id}`)).json() as AttemptView;
    expect(Object.keys(resumed.answers)).toHaveLength(10);
    expect(resumed.answers['2']!.flagged).toBe(true);
    expect(resumed.deadline).toBe(view.deadline);

    // After the deadline (50 minutes with ESL) a save is refused and the attempt is submitted by the server.
    clock.t = Date.parse(view.deadline!) + 10_000;
    const late = await client.req('PUT', `/api/attempts/${view.id}/answers/1`, { tab: 'tab-aaaaaaaa', seq: 200, baseRevision: 1, answer: null, flagged: false, struck: [] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('deadline-passed');
    const after = (await client.req('GET', `/api/attempts/${view.id}`)).json() as AttemptView;
    expect(after.status).toBe('submitted');
    const report = (await client.req('GET', `/api/attempts/${view.id}/report`)).json() as ScoreReport;
    expect(report.scoredItems).toBe(8);
    expect(report.raw).toBe(8);
    expect(report.scaled).toBe(1000);
    expect(report.passed).toBe(true);
    expect(report.items.every((i) => i.correct && i.explanation)).toBe(true);
    expect(report.items.find((i) => i.options)?.options?.every((o) => o.why)).toBe(true);
  });

  it('auto-submits an abandoned attempt at its deadline, and gives practice feedback', async () => {
    const clock = { t: T0 };
    const { client, attempts: service } = await setup(store, clock);
    await client.signUp('d@example.com');
    const mock = (await client.req('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c01', profile: 'short' })).json() as AttemptView;
    clock.t += 21 * 60_000;
    expect(await service.sweepExpired()).toBe(1);
    const list = (await client.req('GET', '/api/attempts')).json();
    expect(list[0]).toMatchObject({ id: mock.id, status: 'submitted', scaled: 100, passed: false });

    const practice = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', domains: ['2'], count: 3, feedback: 'immediate' })).json() as AttemptView;
    expect(practice.items).toHaveLength(3);
    const first = practice.items[0]!;
    const answer = first.type === 'single' ? { choice: 'o1' } : first.type === 'multiple' ? { choices: ['o1', 'o2'] } : first.type === 'ordering' ? { order: first.steps!.map((s) => s.id) } : { pairs: { p1: 'r1' } };
    expect((await client.req('PUT', `/api/attempts/${practice.id}/answers/0`, { tab: 'tab-dddddddd', seq: 1, baseRevision: 0, answer, flagged: false, struck: [] })).statusCode).toBe(200);
    const check = await client.req('POST', `/api/attempts/${practice.id}/check/0`);
    expect(check.statusCode).toBe(200);
    expect(check.json().explanation).toBe('Synthetic.');
    const locked = await client.req('PUT', `/api/attempts/${practice.id}/answers/0`, { tab: 'tab-dddddddd', seq: 2, baseRevision: 1, answer: null, flagged: false, struck: [] });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('checked');

    const tooBig = await client.req('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c01', profile: 'standard' });
    expect(tooBig.statusCode).toBe(409);
    expect(tooBig.json().error.message).toMatch(/domain 1 needs 18 items, 14 available/);
    // Missed items come back for review once their first learning step has passed.
    expect((await client.req('GET', '/api/progress?exam=mla-c01')).json().dueForReview).toBe(0);
    clock.t += 3_600_000;
    const progress = (await client.req('GET', '/api/progress?exam=mla-c01')).json();
    expect(progress.answered).toBe(11);
    expect(progress.dueForReview).toBeGreaterThanOrEqual(10);
    const review = await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', review: true, count: 5, feedback: 'end' });
    expect(review.statusCode).toBe(201);
    expect(review.json().items).toHaveLength(5);
  });

  it('runs an adaptive quick check on provisional parameters, one item at a time', async () => {
    const clock = { t: T0 };
    const { client } = await setup(store, clock);
    await client.signUp('q@example.com');
    const start = await client.req('POST', '/api/attempts', { kind: 'quick', exam: 'mla-c01', count: 5 });
    expect(start.statusCode).toBe(201);
    let view = start.json() as AttemptView;
    expect(view).toMatchObject({ kind: 'quick', target: 5, deadline: null });
    expect(view.items).toHaveLength(1);
    expect(start.body).not.toMatch(/"correct"|"why"|"explanation"/);
    for (let k = 0; k < 5; k++) {
      const item = view.items[k]!;
      const answer = item.type === 'single' ? { choice: 'o1' } : item.type === 'multiple' ? { choices: ['o1', 'o2'] } : item.type === 'ordering' ? { order: item.steps!.map((x) => x.id) } : { pairs: { p1: 'r1' } };
      expect((await client.req('PUT', `/api/attempts/${view.id}/answers/${k}`, { tab: 'tab-qqqqqqqq', seq: k + 1, baseRevision: 0, answer, flagged: false, struck: [] })).statusCode).toBe(200);
      if (k < 4) {
        const next = await client.req('POST', `/api/attempts/${view.id}/next`);
        expect(next.statusCode).toBe(200);
        view = next.json() as AttemptView;
        expect(view.items).toHaveLength(k + 2);
      }
    }
    expect(new Set(view.items.map((i) => i.stem)).size).toBe(5);
    const done = await client.req('POST', `/api/attempts/${view.id}/next`);
    expect(done.statusCode).toBe(409);
    expect(done.json().error.code).toBe('quick-complete');
    const report = (await client.req('POST', `/api/attempts/${view.id}/submit`)).json() as ScoreReport;
    expect(report).toMatchObject({ kind: 'quick', method: 'irt', provisional: true, scoredItems: 5 });
    expect(report.scaledSe).toBeGreaterThan(0);
    expect(report.passProbability).toBeGreaterThanOrEqual(0);
    expect(report.passProbability).toBeLessThanOrEqual(1);
    expect((await client.req('POST', `/api/attempts/${view.id}/next`)).statusCode).toBe(409);
    const history = (await client.req('GET', '/api/attempts')).json();
    expect(history[0]).toMatchObject({ id: view.id, kind: 'quick', scaled: report.scaled, passed: null });
  });

  it('serves items imported into a collection in practice, the built-in bank winning any id clash', async () => {
    const clock = { t: T0 };
    const { client, bank: service, db } = await setup(store, clock);
    const foreign = { id: 'lms-quiz-1', type: 'single' as const, stem: 'An imported question?', options: ['a', 'b', 'c', 'd'].map((id, i) => ({ id, text: `Imported option ${id}`, correct: i === 2 })) };
    const clash = { ...foreign, id: bank[0]!.id, stem: 'A clashing import?' };
    await new CollectionStore(db, () => T0).saveItems('cohort-a', [foreign, clash], { update: false });
    await service.refresh();
    expect(service.shadowed).toEqual([`cohort-a:${bank[0]!.id}`]);
    await client.signUp('i@example.com');
    const all = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 100, feedback: 'immediate' })).json() as AttemptView;
    expect(all.items.map((i) => i.stem)).toContain('An imported question?');
    expect(all.items.map((i) => i.stem)).not.toContain('A clashing import?');
    const position = all.items.find((i) => i.stem === 'An imported question?')!.position;
    expect((await client.req('PUT', `/api/attempts/${all.id}/answers/${position}`, { tab: 'tab-iiiiiiii', seq: 1, baseRevision: 0, answer: { choice: 'o1' }, flagged: false, struck: [] })).statusCode).toBe(200);
    const review = (await client.req('POST', `/api/attempts/${all.id}/check/${position}`)).json();
    expect(review.options.find((o: { correct: boolean }) => o.correct).text).toBe('Imported option c');
    const byDomain = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', domains: ['1'], count: 100, feedback: 'end' })).json() as AttemptView;
    expect(byDomain.items.map((i) => i.stem)).not.toContain('An imported question?');
  });

  it('lets two instances sweep expired attempts at once without failing', async () => {
    const clock = { t: T0 };
    const { client, attempts: first, db } = await setup(store, clock);
    const second = await buildApp({ db, exams: [exam], now: () => clock.t });
    await client.signUp('two@example.com');
    const ids: string[] = [];
    for (let k = 0; k < 3; k++) ids.push(((await client.req('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c01', profile: 'short' })).json() as AttemptView).id);
    clock.t += 21 * 60_000;
    await expect(Promise.all([first.sweepExpired(), second.attempts.sweepExpired()])).resolves.toBeDefined();
    for (const id of ids) expect((await attempts.byId(db, id))!.status).toBe('submitted');
    const reports = await Promise.all(ids.map((id) => client.req('GET', `/api/attempts/${id}/report`)));
    expect(reports.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    // This instance holds an open attempt in its cache; the other instance submits it; reading it
    // here must show the stored report, not try to submit it again.
    const cached = ((await client.req('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c01', profile: 'short' })).json() as AttemptView).id;
    expect((await client.req('GET', `/api/attempts/${cached}`)).json().status).toBe('open');
    clock.t += 21 * 60_000;
    expect(await second.attempts.sweepExpired()).toBe(1);
    const late = await client.req('GET', `/api/attempts/${cached}/report`);
    expect(late.statusCode).toBe(200);
    expect(late.json().attemptId).toBe(cached);
    expect((await client.req('POST', `/api/attempts/${cached}/submit`)).statusCode).toBe(200);
    await second.app.close();
  });
});

/** The key of a question in the presentation ids of a form entry: what a candidate who knows it would click. */
function keyAnswer(q: Question, entry: FormEntry): Answer {
  const key: BankAnswer =
    q.type === 'single'
      ? { choice: q.options.find((o) => o.correct)!.id }
      : q.type === 'multiple'
        ? { choices: q.options.filter((o) => o.correct).map((o) => o.id) }
        : q.type === 'ordering'
          ? { order: q.steps.map((s) => s.id) }
          : { pairs: Object.fromEntries(q.prompts.map((p) => [p.id, p.match])) };
  return toPresentedAnswer(q, entry, key);
}
