import { describe, expect, it } from 'vitest';
import type { AttemptView, FlashCardView, LessonView, StudyPath } from '../core/api/contracts.ts';
import { cardId, type Lesson } from '../core/lessons/lesson-schema.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { syntheticBank, syntheticRightAnswer, syntheticWrongAnswer } from '../../test/helpers/synthetic-bank.ts';
import { signedInApp } from '../../test/helpers/test-app.ts';
import type { InjectClient } from '../../test/helpers/inject-client.ts';

const exam = loadExam('mla-c01');
const stores = useStores();
const T0 = Date.parse('2026-12-03T09:00:00Z');
const fronts = Array.from({ length: 10 }, (_, i) => `Which fact number ${i} holds?`);
const lesson: Lesson = {
  id: 'data-ingestion',
  title: 'Data ingestion for ML',
  titleFr: 'Ingestion de données pour le ML',
  exams: { 'mla-c01': { module: 1, bullets: ['1.1.k1', '1.1.k3'] } },
  references: ['https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html'],
  body: '## What it is for\n\nStreams.',
  words: 900,
  cards: fronts.map((front, i) => ({ id: cardId('data-ingestion', front), front, back: `Fact ${i}.`, source: 'https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html' })),
};
const setup = (store: StoreName, perDomain = 12) => signedInApp(stores, store, { exam, bank: syntheticBank(exam, perDomain, 0), t0: T0, email: 'study@example.com', lessons: [lesson] });
const path = async (client: InjectClient) => (await client.req('GET', '/api/study?exam=mla-c01')).json() as StudyPath;

/** Takes a module quiz, answering `right` of its questions right and the rest wrong. */
async function quiz(client: InjectClient, right: number): Promise<AttemptView> {
  const started = await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', modules: [1], quiz: true, count: 3, feedback: 'end' });
  expect(started.statusCode, started.body).toBe(201);
  const view = started.json() as AttemptView;
  await client.answerAll(view, view.items.map((i) => i.position), (item) => (item.position < right ? syntheticRightAnswer(item) : syntheticWrongAnswer(item)));
  expect((await client.req('POST', `/api/attempts/${view.id}/submit`)).statusCode).toBe(200);
  return view;
}

describe.each(STORES)('the study path, on %s', (store) => {
  it('goes lesson, cards, quiz: reading marks the lesson read and brings its cards in; 8 of 10 on the quiz passes the module', async () => {
    const { client, clock } = await setup(store);
    let p = await path(client);
    const m1 = p.modules.find((m) => m.id === 1)!;
    expect(m1).toMatchObject({ state: 'not-started', lesson: { id: 'data-ingestion', words: 900, cards: 10 }, quiz: { pool: 48, attempts: 0, best: null, passed: false } });
    expect(p.next).toEqual({ module: 1, step: 'lesson' });
    expect(p.modules.find((m) => m.id === 2)).toMatchObject({ lesson: null, state: 'not-started', quiz: { pool: 0 } });

    const view = (await client.req('GET', '/api/lessons/data-ingestion?exam=mla-c01')).json() as LessonView;
    expect(view).toMatchObject({ module: 1, read: false, cards: 10, skills: [{ id: '1.1.k1', text: 'Data formats and ingestion mechanisms' }, { id: '1.1.k3' }] });
    expect((await client.req('POST', '/api/lessons/data-ingestion/reading', { exam: 'mla-c01', addMs: 90_000, read: false })).statusCode).toBe(204);
    expect((await path(client)).review.dueCards).toBe(0);
    await client.req('POST', '/api/lessons/data-ingestion/reading', { exam: 'mla-c01', addMs: 30_000, read: true });
    p = await path(client);
    expect(p.modules[0]).toMatchObject({ state: 'lesson-read', timeMs: 120_000 });
    expect(p.next).toEqual({ module: 1, step: 'quiz' });
    expect(p.review).toMatchObject({ dueCards: 10, cardsToday: 10, doneToday: 0, limit: 50 });

    // Flash cards with the four ratings: Again comes back within minutes, Easy in days.
    const cards = (await client.req('GET', '/api/cards/due?exam=mla-c01')).json() as FlashCardView[];
    expect(cards).toHaveLength(10);
    expect(cards[0]).toMatchObject({ isNew: true, lesson: { id: 'data-ingestion' } });
    const rate = (id: string, rating: string) => client.req('POST', `/api/cards/${id}/rating`, { exam: 'mla-c01', rating });
    const dueAfter = async (id: string, rating: string) => Date.parse(((await rate(id, rating)).json() as { due: string }).due) - clock.t;
    expect(await dueAfter(cards[0]!.id, 'again')).toBeLessThan(15 * 60_000);
    expect(await dueAfter(cards[1]!.id, 'hard')).toBeGreaterThan(0);
    expect(await dueAfter(cards[2]!.id, 'good')).toBeGreaterThan(0);
    expect(await dueAfter(cards[3]!.id, 'easy')).toBeGreaterThanOrEqual(86_400_000);
    expect(((await client.req('GET', '/api/cards/due?exam=mla-c01')).json() as FlashCardView[]).map((c) => c.id)).not.toContain(cards[3]!.id);
    expect((await path(client)).review.doneToday).toBe(4);
    expect((await rate('data-ingestion.nope', 'good')).statusCode).toBe(404);
    expect((await rate(cards[4]!.id, 'perfect')).statusCode).toBe(400);

    // The quiz: 10 questions with feedback whatever was asked; 7 right does not pass, 8 does.
    const first = await quiz(client, 7);
    expect(first.items).toHaveLength(10);
    expect(first.feedback).toBe('immediate');
    expect((await path(client)).modules[0]).toMatchObject({ state: 'lesson-read', quiz: { pool: 48, unseen: 38, attempts: 1, best: 7, passed: false } });
    clock.t += 60_000;
    // The retake draws 10 questions the first quiz did not ask.
    const second = await quiz(client, 8);
    expect(second.items.map((i) => i.stem).filter((stem) => first.items.some((f) => f.stem === stem))).toEqual([]);
    p = await path(client);
    expect(p.modules[0]).toMatchObject({ state: 'quiz-passed', quiz: { unseen: 28, attempts: 2, best: 8, passed: true } });
    expect(p.next).toEqual({ module: 2, step: 'quiz' });
    // Mastery per bullet: each synthetic question lists one bullet, so the bullets' answers add up to all answers.
    const progress = (await client.req('GET', '/api/progress?exam=mla-c01')).json() as { answered: number; skills: { id: string; answered: number; correct: number; mastery: number }[] };
    expect(progress.skills.reduce((n, k) => n + k.answered, 0)).toBe(progress.answered);
    expect(progress.skills.find((k) => k.id === '1.1.k2')).toMatchObject({ answered: 0, correct: 0, mastery: 0.5 });
    const k1 = progress.skills.find((k) => k.id === '1.1.k1')!;
    expect(k1.answered).toBeGreaterThan(0);
    expect(k1.mastery).toBeCloseTo((k1.correct + 1) / (k1.answered + 2));
    const history = (await client.req('GET', '/api/attempts?exam=mla-c01')).json() as { scope: unknown }[];
    expect(history[0]!.scope).toEqual({ quiz: true, modules: [1] });
  });

  it('refuses a quiz over several modules or on a module with fewer than 10 questions, and an unknown lesson', async () => {
    const { client } = await setup(store, 2);
    const two = await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', modules: [1, 2], quiz: true, count: 10, feedback: 'immediate' });
    expect(two.statusCode).toBe(400);
    expect(two.json().error.message).toBe('A module quiz names exactly one module in "modules".');
    const small = await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', modules: [1], quiz: true, count: 10, feedback: 'immediate' });
    expect(small.statusCode).toBe(409);
    expect(small.json().error).toMatchObject({ code: 'quiz-too-small', message: 'Module 1 has 8 MLA-C01 questions; a module quiz needs 10.' });
    expect((await client.req('GET', '/api/lessons/no-such-lesson?exam=mla-c01')).statusCode).toBe(404);
    expect((await client.req('GET', '/api/lessons/BAD!?exam=mla-c01')).statusCode).toBe(400);
    expect((await client.req('POST', '/api/lessons/data-ingestion/reading', { exam: 'mla-c01', addMs: -1, read: true })).statusCode).toBe(400);
  });

  it('on MLA-C02, counts and draws only the kinds of question C02 asks: no ordering or matching in its quiz', async () => {
    const c02 = loadExam('mla-c02');
    // 12 per domain cycling single, multiple, ordering, matching: 24 of the 48 are single or multiple.
    const { client } = await signedInApp(stores, store, { exam: c02, bank: syntheticBank(c02, 12, 0), t0: T0, email: 'c02@example.com', lessons: [] });
    const p = (await client.req('GET', '/api/study?exam=mla-c02')).json() as StudyPath;
    expect(p.modules.find((m) => m.id === 1)!.quiz.pool).toBe(24);
    const started = await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c02', modules: [1], quiz: true, count: 10, feedback: 'immediate' });
    expect(started.statusCode, started.body).toBe(201);
    const view = started.json() as AttemptView;
    expect(view.items).toHaveLength(10);
    expect(new Set(view.items.map((i) => i.type))).toEqual(new Set(['single', 'multiple']));
    // A plain practice on the same module still draws every kind tagged for C02.
    const practice = (await client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c02', modules: [1], count: 48, feedback: 'end' })).json() as AttemptView;
    expect(practice.items.map((i) => i.type)).toContain('ordering');
  });
});
