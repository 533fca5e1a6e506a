import { describe, expect, it } from 'vitest';
import type { AttemptView, CohortAssignment, CohortView, MyAssignment } from '../core/api/contracts.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { accountsApp } from '../../test/helpers/accounts-app.ts';
import type { InjectClient } from '../../test/helpers/inject-client.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { syntheticRightAnswer } from '../../test/helpers/synthetic-bank.ts';

const exam = loadExam('mla-c01');
const stores = useStores();
const T0 = Date.parse('2026-12-03T09:00:00Z');

async function setup(store: StoreName) {
  const { signUp: client, clock } = await accountsApp(stores, store, { exam, t0: T0, perDomain: 12 });
  const tutor = await client('tutor@example.com'); // the first account: administrator
  await tutor.req('PUT', `/api/admin/users/${tutor.user.id}/roles`, { roles: ['tutor', 'admin'] });
  const cohort = (await tutor.req('POST', '/api/cohorts', { name: 'C', exam: 'mla-c01' })).json() as CohortView;
  const member = await client('member@example.com');
  await member.req('POST', '/api/cohorts/join', { code: cohort.inviteCode });
  return { tutor, member, client, cohort, clock };
}

/** Starts an attempt, answers every question right, submits it. */
async function doAttempt(c: InjectClient, body: object): Promise<void> {
  const started = await c.req('POST', '/api/attempts', body);
  expect(started.statusCode, started.body).toBe(201);
  const view = started.json() as AttemptView;
  await c.answerAll(view, view.items.map((i) => i.position), syntheticRightAnswer);
  expect((await c.req('POST', `/api/attempts/${view.id}/submit`)).statusCode).toBe(200);
}

describe.each(STORES)('assignments, on %s', (store) => {
  it('a tutor sets a module, a practice set and a mock; the member sees them and each turns done as they are done', async () => {
    const { tutor, member, cohort, clock } = await setup(store);
    const set = async (body: object) => {
      clock.t += 1000;
      const r = await tutor.req('POST', `/api/cohorts/${cohort.id}/assignments`, body);
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as CohortAssignment;
    };
    const module = await set({ spec: { kind: 'module', module: 1 }, dueOn: '2026-12-10' });
    expect(module).toMatchObject({ title: 'Module 1: Data ingestion for ML', dueOn: '2026-12-10', done: 0, late: 0, members: [{ id: member.user.id, status: { state: 'todo' } }] });
    const practice = await set({ spec: { kind: 'practice', domains: ['1'], count: 10 }, title: 'Domain 1 warm-up' });
    const mock = await set({ spec: { kind: 'mock', profile: 'short' } });
    expect(mock.title).toBe('Mock exam (short)');
    // The default titles in French too; the tutor's own title is shown as typed in both languages.
    expect([module.titleFr, practice.titleFr, mock.titleFr]).toEqual(['Module 1 : Ingestion de données pour le ML', 'Domain 1 warm-up', 'Examen blanc (short)']);
    const one = await set({ spec: { kind: 'practice', tasks: ['1.1'], count: 1 } });
    expect([one.title, one.titleFr]).toEqual(['Practice: 1 question on 1.1', 'Entraînement : 1 question sur 1.1']);
    expect((await tutor.req('POST', `/api/cohorts/${cohort.id}/assignments/${one.id}/delete`)).statusCode).toBe(204);

    const mine = async () => (await member.req('GET', '/api/assignments?exam=mla-c01')).json() as MyAssignment[];
    expect((await mine()).map((a) => [a.title, a.status.state, a.cohort.name])).toEqual([
      ['Module 1: Data ingestion for ML', 'todo', 'C'],
      ['Domain 1 warm-up', 'todo', 'C'],
      ['Mock exam (short)', 'todo', 'C'],
    ]);

    // A practice on another scope does not count; the one asked for does.
    await doAttempt(member, { kind: 'practice', exam: 'mla-c01', domains: ['2'], count: 10, feedback: 'end' });
    expect((await mine()).find((a) => a.id === practice.id)!.status.state).toBe('todo');
    await doAttempt(member, { kind: 'practice', exam: 'mla-c01', domains: ['1'], count: 10, feedback: 'end' });
    expect((await mine()).find((a) => a.id === practice.id)!.status.state).toBe('done');
    // The module quiz passed (all right), and a short mock.
    await doAttempt(member, { kind: 'practice', exam: 'mla-c01', modules: [1], quiz: true, count: 10, feedback: 'immediate' });
    await doAttempt(member, { kind: 'mock', exam: 'mla-c01', profile: 'short' });
    expect((await mine()).map((a) => a.status.state)).toEqual(['done', 'done', 'done']);

    const board = (await tutor.req('GET', `/api/cohorts/${cohort.id}/assignments`)).json() as CohortAssignment[];
    expect(board.map((a) => [a.title, a.done, a.late])).toEqual([
      ['Mock exam (short)', 1, 0],
      ['Domain 1 warm-up', 1, 0],
      ['Module 1: Data ingestion for ML', 1, 0],
    ]);
  });

  it('marks an assignment late after its due day, and refuses a bad one with the reason', async () => {
    const { tutor, member, cohort, clock, client } = await setup(store);
    const bad = async (body: object) => (await tutor.req('POST', `/api/cohorts/${cohort.id}/assignments`, body)).json().error.message as string;
    expect(await bad({ spec: { kind: 'module', module: 27 } })).toBe('MLA-C01 has no module 27.');
    expect(await bad({ spec: { kind: 'mock', profile: 'marathon' } })).toBe('MLA-C01 has no mock profile "marathon".');
    expect(await bad({ spec: { kind: 'practice', domains: ['9'], tasks: ['1.9'], count: 5 } })).toBe('MLA-C01 has no domain 9, task 1.9.');
    expect(await bad({ spec: { kind: 'module', module: 2 }, dueOn: '2026-12-01' })).toBe('The due day 2026-12-01 is before today (2026-12-03).');

    const a = (await tutor.req('POST', `/api/cohorts/${cohort.id}/assignments`, { spec: { kind: 'module', module: 2 }, dueOn: '2026-12-03' })).json() as CohortAssignment;
    clock.t = Date.parse('2026-12-04T08:00:00Z'); // the next day (the session's idle timeout is 24 hours)
    const board = (await tutor.req('GET', `/api/cohorts/${cohort.id}/assignments`)).json() as CohortAssignment[];
    expect(board[0]).toMatchObject({ id: a.id, late: 1, members: [{ id: member.user.id, status: { state: 'late' } }] });

    // Nobody but the cohort's tutors sees or changes its assignments; a non-member sees none of them.
    const other = await client('other@example.com');
    expect(await (await other.req('GET', '/api/assignments')).json()).toEqual([]);
    expect((await other.req('GET', `/api/cohorts/${cohort.id}/assignments`)).statusCode).toBe(403);
    expect((await tutor.req('POST', `/api/cohorts/${cohort.id}/assignments/${a.id}/delete`)).statusCode).toBe(204);
    expect((await tutor.req('POST', `/api/cohorts/${cohort.id}/assignments/${a.id}/delete`)).statusCode).toBe(404);
  });
});
