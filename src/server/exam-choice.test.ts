import { describe, expect, it } from 'vitest';
import type { AttemptSummary, AttemptView, ExamSummary, Progress, ScoreReport } from '../core/api/contracts.ts';
import type { BankEntry } from '../core/items/item-schema.ts';
import { attempts } from '../db/repositories/attempts.ts';
import { items } from '../db/repositories/items.ts';
import { InjectClient } from '../../test/helpers/inject-client.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { syntheticWrongAnswer, twoExamBank } from '../../test/helpers/synthetic-bank.ts';
import { buildApp } from './build-app.ts';

const c01 = loadExam('mla-c01');
const c02 = loadExam('mla-c02');
const bank = twoExamBank(c01, c02, 16);
const typeOf = new Map(bank.flatMap((e) => (e.type === 'case' ? e.questions.map((q) => [q.id, q.type] as const) : [[e.id, e.type] as const])));
const T0 = Date.parse('2026-12-02T09:00:00Z');
const stores = useStores();

async function setup(store: StoreName, clock: { t: number }) {
  const handle = await stores.open(store);
  await items.load(handle.db, 'bank', bank, T0);
  const built = await buildApp({ db: handle.db, sqlite: handle.sqlite, exams: [c01, c02], now: () => clock.t });
  return { ...built, db: handle.db, client: new InjectClient(built.app) };
}

describe.each(STORES)('two exam versions, API on %s', (store) => {
  it('a user chooses the exam they sit (MLA-C02 by default), with an optional date; bad choices are refused with the reason', async () => {
    const clock = { t: T0 };
    const { client } = await setup(store, clock);
    const anonymous = (await client.req('GET', '/api/session')).json();
    expect(anonymous).toMatchObject({ defaultExam: 'mla-c02', today: '2026-12-02' });
    await client.signUp('choose@example.com');
    expect((await client.req('GET', '/api/session')).json().user).toMatchObject({ exam: null, examDate: null });
    // Before choosing, progress is for the default exam.
    expect(((await client.req('GET', '/api/progress')).json() as Progress).exam).toBe('mla-c02');

    const unknown = await client.req('PUT', '/api/session/exam', { exam: 'mla-c03' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe('Unknown exam "mla-c03"; choose one of mla-c01, mla-c02.');
    expect((await client.req('PUT', '/api/session/exam', { exam: '__proto__' })).statusCode).toBe(400);
    const badDate = await client.req('PUT', '/api/session/exam', { exam: 'mla-c02', examDate: '2027-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.message).toContain('examDate: is not a real date');
    expect((await client.req('PUT', '/api/session/exam', { exam: 'mla-c02' }, { csrf: false })).statusCode).toBe(403);
    expect((await client.req('GET', '/api/session')).json().user).toMatchObject({ exam: null, examDate: null });

    const chosen = await client.req('PUT', '/api/session/exam', { exam: 'mla-c02', examDate: '2027-02-15' });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().user).toMatchObject({ exam: 'mla-c02', examDate: '2027-02-15' });
    expect((await client.req('GET', '/api/session')).json().user).toMatchObject({ exam: 'mla-c02', examDate: '2027-02-15' });
    // Changed later in the settings; the date may be cleared.
    await client.req('PUT', '/api/session/exam', { exam: 'mla-c01', examDate: null });
    expect((await client.req('GET', '/api/session')).json().user).toMatchObject({ exam: 'mla-c01', examDate: null });
    expect(((await client.req('GET', '/api/progress')).json() as Progress).exam).toBe('mla-c01');
  });

  it('the catalogue states each version on the server day: MLA-C01 retired in English, MLA-C02 in beta, with C02 skills and mock types', async () => {
    const clock = { t: T0 };
    const { client } = await setup(store, clock);
    const exams = (await client.req('GET', '/api/exams')).json() as ExamSummary[];
    const [first, second] = exams;
    expect(first!.status).toMatchObject({ phase: 'retiring', successor: 'MLA-C02', ended: [{ languages: ['English'], date: '2026-09-28' }] });
    expect(second!.status).toEqual({ phase: 'beta', since: '2026-09-29', languages: ['English'], generalAvailability: { date: '2027-01-14', confirmed: false } });
    expect(second!.mockTypes).toEqual(['single', 'multiple']);
    expect(first!.mockTypes).toEqual(['single', 'multiple', 'ordering', 'matching', 'case']);
    expect(second!.domains.map((d) => d.name)).toEqual(c02.domains.map((d) => d.name));
    const c02Task = second!.domains[0]!.tasks[0]!;
    expect(c02Task.bullets).toHaveLength(c02.domains[0]!.tasks[0]!.skills.length);
    // Eight questions of domain 1 are tagged for C02, all on its first task's first skill.
    expect(c02Task.bullets[0]).toMatchObject({ id: '1.1.s1', items: 8 });
    expect(c02Task.bullets.find((b) => b.id === '1.1.s7')).toMatchObject({ new: true, items: 0 });
    expect(second!.profiles.find((p) => p.id === 'standard')).toMatchObject({ items: 65, scored: 50, unscored: 15, minutes: 130 });
    clock.t = Date.parse('2027-01-20T09:00:00Z');
    const later = (await client.req('GET', '/api/exams')).json() as ExamSummary[];
    expect(later.map((e) => e.status.phase)).toEqual(['retired', 'available']);
  });

  it('progress, the review queue and history are per exam; a response counts for every exam its item is valid for; an attempt keeps its exam', async () => {
    const clock = { t: T0 };
    const { client, db } = await setup(store, clock);
    await client.signUp('progress@example.com');
    await client.req('PUT', '/api/session/exam', { exam: 'mla-c02' });

    // C01 practice on domain 1: 16 standalone questions and one case-study question, all answered wrong.
    const c01Practice = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', domains: ['1'], count: 100, feedback: 'end' })).json() as AttemptView;
    expect(c01Practice.items).toHaveLength(17);
    await client.answerAll(c01Practice, undefined, syntheticWrongAnswer);
    expect((await client.req('POST', `/api/attempts/${c01Practice.id}/submit`)).statusCode).toBe(200);
    clock.t += 3_600_000;

    const p01 = (await client.req('GET', '/api/progress?exam=mla-c01')).json() as Progress;
    const p02 = (await client.req('GET', '/api/progress')).json() as Progress;
    expect(p01).toMatchObject({ exam: 'mla-c01', answered: 17, dueForReview: 17 });
    expect(p01.domains[0]).toMatchObject({ answered: 17, correct: 0, name: c01.domains[0]!.name });
    // Only the 8 questions of domain 1 that are also valid for C02 count there.
    expect(p02).toMatchObject({ exam: 'mla-c02', answered: 8, dueForReview: 8 });
    expect(p02.domains[0]).toMatchObject({ answered: 8, name: c02.domains[0]!.name });
    expect(p02.attempts).toEqual([]);
    expect(p01.attempts.map((a) => a.id)).toEqual([c01Practice.id]);

    // Review of C02 mistakes serves only questions valid for C02.
    const review = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c02', review: true, count: 100 })).json() as AttemptView;
    expect(review.items).toHaveLength(8);
    const reviewForm = (await attempts.byId(db, review.id))!.form;
    expect(reviewForm.every((e) => /^d1-00[0-7]$/.test(e.itemId))).toBe(true);

    // A short C02 mock: 10 single or multiple questions; the user then switches to C01, and the mock stays C02's.
    const mock = await client.req('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c02', profile: 'short' });
    expect(mock.statusCode, mock.body).toBe(201);
    const mockView = mock.json() as AttemptView;
    expect(mockView.items).toHaveLength(10);
    const mockForm = (await attempts.byId(db, mockView.id))!.form;
    expect(mockForm.map((e) => typeOf.get(e.itemId)).every((t) => t === 'single' || t === 'multiple')).toBe(true);
    expect(mockForm.filter((e) => e.scored)).toHaveLength(8);
    await client.req('PUT', '/api/session/exam', { exam: 'mla-c01' });
    expect(((await client.req('GET', `/api/attempts/${mockView.id}`)).json() as AttemptView).exam).toBe('mla-c02');
    const report = (await client.req('POST', `/api/attempts/${mockView.id}/submit`)).json() as ScoreReport;
    expect(report.exam).toBe('mla-c02');
    expect(report.domains.map((d) => d.name)).toEqual(c02.domains.map((d) => d.name));

    const history02 = (await client.req('GET', '/api/attempts?exam=mla-c02')).json() as AttemptSummary[];
    expect(history02.map((a) => a.id).sort()).toEqual([review.id, mockView.id].sort());
    const history01 = (await client.req('GET', '/api/attempts?exam=mla-c01')).json() as AttemptSummary[];
    expect(history01.map((a) => a.id)).toEqual([c01Practice.id]);
    expect((await client.req('GET', '/api/attempts')).json()).toHaveLength(3);

    // An unknown exam is a 404.
    expect((await client.req('GET', '/api/progress?exam=nope')).statusCode).toBe(404);
  });

  it('a C01 attempt started before per-exam tags still resumes and scores', async () => {
    const clock = { t: T0 };
    const { client, db, bank: bankService } = await setup(store, clock);
    await client.signUp('legacy@example.com');
    const userId = (await client.req('GET', '/api/session')).json().user.id as string;
    // The item version as it was stored before per-exam tags (flat task, bullets, module, angoff).
    const legacy = {
      id: 'legacy-1',
      type: 'single',
      exams: ['mla-c01'],
      task: '1.1',
      bullets: ['1.1.k1'],
      module: 1,
      angoff: 0.6,
      difficulty: 3,
      stem: 'Which option is right?',
      options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Option ${id}`, correct: id === 'c', why: `Why ${id}.` })),
      explanation: 'Legacy.',
      references: ['https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html'],
    };
    const versionId = 'bank:legacy-1@0000000000000000';
    await db.insertInto('item_versions').values({ id: versionId, item_id: 'legacy-1', collection: 'bank', hash: '0'.repeat(64), content: JSON.stringify(legacy), created_ms: T0 - 86_400_000 }).execute();
    await attempts.insert(db, {
      id: 'old-attempt',
      userId,
      kind: 'practice',
      exam: 'mla-c01',
      profile: null,
      feedback: 'end',
      seed: 'old',
      startedMs: T0 - 3_600_000,
      deadlineMs: null,
      form: [{ position: 0, itemId: 'legacy-1', domain: '1', scored: true, order: ['d', 'c', 'b', 'a'], versionId }],
    });
    await bankService.refresh();
    const view = (await client.req('GET', '/api/attempts/old-attempt')).json() as AttemptView;
    expect(view).toMatchObject({ exam: 'mla-c01', status: 'open' });
    expect(view.items[0]!.stem).toBe('Which option is right?');
    // Display order d, c, b, a: the key c is presented as o2.
    const saved = await client.req('PUT', '/api/attempts/old-attempt/answers/0', { tab: 'tab-legacy01', seq: 1, baseRevision: 0, answer: { choice: 'o2' }, flagged: false, struck: [] });
    expect(saved.statusCode, saved.body).toBe(200);
    const report = (await client.req('POST', '/api/attempts/old-attempt/submit')).json() as ScoreReport;
    expect(report).toMatchObject({ exam: 'mla-c01', raw: 1, scoredItems: 1 });
    expect(report.items[0]).toMatchObject({ correct: true, task: '1.1', domain: '1' });
  });
});

describe.each(STORES)('questions imported from elsewhere, on %s', (store) => {
  it('are practised under the chosen exam but feed no readiness until an author tags them', async () => {
    const clock = { t: T0 };
    const handle = await stores.open(store);
    await items.load(handle.db, 'bank', bank, T0);
    const foreign: BankEntry = { id: 'provider-q1', type: 'single', stem: 'A provider question?', options: ['a', 'b', 'c'].map((id) => ({ id, text: `Option ${id}`, correct: id === 'a' })) };
    await items.load(handle.db, 'provider', [foreign], T0);
    const built = await buildApp({ db: handle.db, sqlite: handle.sqlite, exams: [c01, c02], now: () => clock.t });
    const client = new InjectClient(built.app);
    await client.signUp('foreign@example.com');
    const practice = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c02', count: 100, feedback: 'end' })).json() as AttemptView;
    const form = (await attempts.byId(handle.db, practice.id))!.form.map((e) => e.itemId);
    expect(form).toContain('provider-q1');
    await client.answerAll(practice);
    await client.req('POST', `/api/attempts/${practice.id}/submit`);
    const progress = (await client.req('GET', '/api/progress?exam=mla-c02')).json() as Progress;
    expect(progress.answered).toBe(form.length - 1);
    expect(progress.domains.reduce((n, d) => n + d.answered, 0)).toBe(form.length - 1);
  });
});
