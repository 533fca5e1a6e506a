import { describe, expect, it } from 'vitest';
import type { StudyPlanView } from '../core/api/contracts.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { syntheticBank } from '../../test/helpers/synthetic-bank.ts';
import { signedInApp } from '../../test/helpers/test-app.ts';

const exam = loadExam('mla-c01');
const stores = useStores();
const T0 = Date.parse('2026-12-07T09:00:00Z');
const setup = (store: StoreName) => signedInApp(stores, store, { exam, bank: syntheticBank(exam, 12, 0), t0: T0, email: 'plan@example.com' });

describe.each(STORES)('the study plan, on %s', (store) => {
  it('plans the weeks to the exam date, keeps the date for the dashboard, says behind when modules slip, and exports a calendar', async () => {
    const { client, clock } = await setup(store);
    expect((await client.req('GET', '/api/plan?exam=mla-c01')).statusCode).toBe(404);
    const set = await client.req('PUT', '/api/plan', { exam: 'mla-c01', examDate: '2027-01-18', hoursPerWeek: 8 });
    expect(set.statusCode, set.body).toBe(200);
    const plan = set.json() as StudyPlanView;
    expect(plan.weeks).toHaveLength(6);
    expect(plan.weeks.flatMap((w) => w.modulesDone)).toEqual(exam.modules.filter((m) => m.kind !== 'mock').map((m) => m.id));
    expect(plan.status).toMatchObject({ state: 'on-track', expected: [] });
    expect((await client.req('GET', '/api/session')).json().user.examDate).toBe('2027-01-18');

    // Three weeks later with nothing passed: behind, and the plan is rebuilt over the weeks left.
    clock.t += 21 * 86_400_000;
    // (The session has been idle for weeks: sign in again.)
    await client.req('POST', '/api/auth/signin', { email: 'plan@example.com', password: 'correct horse battery' });
    const later = (await client.req('GET', '/api/plan?exam=mla-c01')).json() as StudyPlanView;
    expect(later.status.state).toBe('behind');
    expect(later.status.behind.length).toBeGreaterThan(0);
    expect(later.weeks[0]!.start).toBe('2026-12-28');
    expect(later.weeks).toHaveLength(3);

    const ics = await client.req('GET', '/api/plan.ics?exam=mla-c01&lang=fr');
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(ics.headers['content-disposition']).toBe('attachment; filename="certprep-plan-mla-c01.ics"');
    expect(ics.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.body).toContain('SUMMARY:Jour de l’examen: MLA-C01');

    // After the exam date, the plan asks for the result or a new date.
    clock.t += 30 * 86_400_000;
    await client.req('POST', '/api/auth/signin', { email: 'plan@example.com', password: 'correct horse battery' });
    const passed = await client.req('GET', '/api/plan?exam=mla-c01');
    expect(passed.statusCode).toBe(409);
    expect(passed.json().error.code).toBe('exam-date-passed');
  });

  it('refuses an exam date in the past and hours out of range, saying why', async () => {
    const { client } = await setup(store);
    const past = await client.req('PUT', '/api/plan', { exam: 'mla-c01', examDate: '2026-12-01', hoursPerWeek: 8 });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toBe('The exam date 2026-12-01 is not after today (2026-12-07): give the date of your next sitting.');
    expect((await client.req('PUT', '/api/plan', { exam: 'mla-c01', examDate: '2027-02-30', hoursPerWeek: 8 })).statusCode).toBe(400);
    expect((await client.req('PUT', '/api/plan', { exam: 'mla-c01', examDate: '2027-02-01', hoursPerWeek: 0 })).statusCode).toBe(400);
    expect((await client.req('PUT', '/api/plan', { exam: 'nope', examDate: '2027-02-01', hoursPerWeek: 5 })).statusCode).toBe(404);
  });
});
