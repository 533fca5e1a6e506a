import { describe, expect, it } from 'vitest';
import type { AttemptView, CohortBoard, CohortItems, CohortView } from '../core/api/contracts.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { accountsApp } from '../../test/helpers/accounts-app.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { syntheticRightAnswer, syntheticWrongAnswer } from '../../test/helpers/synthetic-bank.ts';

const exam = loadExam('mla-c01');
const stores = useStores();
const T0 = Date.parse('2026-12-03T09:00:00Z');

async function setup(store: StoreName) {
  const app = await accountsApp(stores, store, { exam, t0: T0, perDomain: 12 });
  const tutor = await app.signUp('tutor@example.com');
  await tutor.req('PUT', `/api/admin/users/${tutor.user.id}/roles`, { roles: ['tutor', 'admin'] });
  // The exam is in 20 days: members unlikely to pass are at risk.
  const cohort = (await tutor.req('POST', '/api/cohorts', { name: 'Spring', exam: 'mla-c01', examDate: '2026-12-23' })).json() as CohortView;
  const join = async (email: string) => {
    const c = await app.signUp(email);
    await c.req('POST', '/api/cohorts/join', { code: cohort.inviteCode });
    return c;
  };
  return { ...app, tutor, cohort, join };
}

describe.each(STORES)("the tutor's board of a cohort, on %s", (store) => {
  it('gives each member mastery per domain, activity, assignments, and the reasons they are at risk; as CSV too', async () => {
    const { tutor, cohort, join, clock } = await setup(store);
    const active = await join('active@example.com');
    await join('idle@example.com');
    await tutor.req('POST', `/api/cohorts/${cohort.id}/assignments`, { spec: { kind: 'module', module: 1 }, dueOn: '2026-12-05' });

    // Eight days later, one member practises domain 1 (all right); the other has done nothing since joining.
    clock.t = T0 + 8 * 86_400_000;
    // Sessions idle for a day expire: both sign in again.
    expect((await active.req('POST', '/api/auth/signin', { email: 'active@example.com', password: 'correct horse battery' })).statusCode).toBe(200);
    const started = (await active.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', domains: ['1'], count: 6, feedback: 'end' })).json() as AttemptView;
    await active.answerAll(started, started.items.map((i) => i.position), syntheticRightAnswer);
    await active.req('POST', `/api/attempts/${started.id}/submit`);
    await tutor.req('POST', '/api/auth/signin', { email: 'tutor@example.com', password: 'correct horse battery' });

    const board = (await tutor.req('GET', `/api/cohorts/${cohort.id}/board`)).json() as CohortBoard;
    const a = board.members.find((m) => m.email === 'active@example.com')!;
    const i = board.members.find((m) => m.email === 'idle@example.com')!;
    expect(a).toMatchObject({ answered: 6, readiness: null, assignments: { done: 0, late: 1, total: 1 }, atRisk: ['low-readiness', 'late'] });
    expect(a.lastActive).not.toBeNull();
    expect(a.domains.find((d) => d.id === '1')).toMatchObject({ answered: 6 });
    // Per task statement too, in the exam's order: domain 1's three tasks hold the six answers.
    const tasks = ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3', '4.1', '4.2', '4.3'];
    expect(a.tasks.map((x) => x.id)).toEqual(tasks);
    expect(a.tasks.filter((x) => x.id.startsWith('1.')).reduce((n, x) => n + x.answered, 0)).toBe(6);
    expect(a.tasks.filter((x) => !x.id.startsWith('1.')).every((x) => x.answered === 0)).toBe(true);
    expect(i).toMatchObject({ answered: 0, lastActive: null, readiness: null, atRisk: ['low-readiness', 'inactive', 'late'] });

    const csv = await tutor.req('GET', `/api/cohorts/${cohort.id}/board.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(`name,email,last_active,hours_this_week,answered,predicted_score,pass_probability,domain_1_mastery,domain_2_mastery,domain_3_mastery,domain_4_mastery,${tasks.map((x) => `task_${x}_mastery`).join(',')},assignments_done,assignments_late,assignments_total,at_risk`);
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes('idle@example.com'))).toMatch(/,0,,,,,,,,,,,,,,,,,,,0,1,1,low-readiness inactive late$/);

    // A candidate is refused the tutor's role (other tutors and the administrator: 404, as for every cohort route).
    expect((await active.req('GET', `/api/cohorts/${cohort.id}/board`)).statusCode).toBe(403);
  });

  it('shows the tutor a wrong option the cohort shares, first, with the share of each option and the difficulty of the item', async () => {
    const { tutor, cohort, join } = await setup(store);
    // Three members answer the same two questions: all three pick option a (wrong) on d1-000, two of three get d1-004 right.
    for (const [k, email] of ['x@example.com', 'y@example.com', 'z@example.com'].entries()) {
      const c = await join(email);
      const view = (await c.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', items: ['d1-000', 'd1-004'], count: 2, feedback: 'end' })).json() as AttemptView;
      await c.answerAll(view, view.items.map((i) => i.position), (item) => (item.stem.includes('d1-004') && k < 2 ? syntheticRightAnswer(item) : syntheticWrongAnswer(item)));
      await c.req('POST', `/api/attempts/${view.id}/submit`);
    }
    const res = (await tutor.req('GET', `/api/cohorts/${cohort.id}/items`)).json() as CohortItems;
    expect(res.members).toBe(3);
    expect(res.items.map((i) => [i.id, i.responses, Number(i.p.toFixed(2)), i.sharedMistake])).toEqual([
      ['d1-000', 3, 0, 'a'],
      ['d1-004', 3, 0.67, null],
    ]);
    expect(res.items[0]!.options.map((o) => [o.id, o.correct, o.rate])).toEqual([['a', false, 1], ['b', true, 0], ['c', false, 0], ['d', false, 0]]);
    expect((await join('w@example.com').then((c) => c.req('GET', `/api/cohorts/${cohort.id}/items`))).statusCode).toBe(403);
  });
});

