import { describe, expect, it } from 'vitest';
import type { ExamResultView, StudyPlanView } from '../core/api/contracts.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { syntheticBank } from '../../test/helpers/synthetic-bank.ts';
import { signedInApp } from '../../test/helpers/test-app.ts';

const exam = loadExam('mla-c02');
const stores = useStores();
const setup = (store: StoreName, t0: string) => signedInApp(stores, store, { exam, bank: syntheticBank(exam, 12, 0), t0: Date.parse(t0), email: 'result@example.com' });
const domains = { '1': 'meets', '2': 'needs-improvement', '3': 'meets', '4': 'needs-improvement' };

describe.each(STORES)('real exam results, on %s', (store) => {
  it('turns a failed beta into a retake on the standard exam, focused on the weak domains, and a pass into a certification', async () => {
    const { client } = await setup(store, '2026-12-03T09:00:00Z');
    const fail = await client.req('POST', '/api/results', { exam: 'mla-c02', satOn: '2026-11-20', scaled: 684, passed: false, domains });
    expect(fail.statusCode, fail.body).toBe(201);
    expect(fail.json()).toMatchObject({ beta: true, after: { kind: 'retake', earliest: '2027-01-14', reason: 'beta-once', focus: ['2', '4'] } } satisfies Partial<ExamResultView>);

    // The plan to the retake: the weak domains' modules get more time than before.
    const before = (await client.req('PUT', '/api/plan', { exam: 'mla-c02', examDate: '2027-01-14', hoursPerWeek: 10 })).json() as StudyPlanView;
    expect(before.weeks.length).toBeGreaterThan(5);

    const pass = await client.req('POST', '/api/results', { exam: 'mla-c02', satOn: '2026-12-01', scaled: 765, passed: true, domains: { ...domains, '2': 'meets', '4': 'meets' } });
    expect(pass.json()).toMatchObject({ after: { kind: 'certified', validUntil: '2029-12-01', prepareFrom: '2029-06-01' } });
    const list = (await client.req('GET', '/api/results?exam=mla-c02')).json() as ExamResultView[];
    expect(list.map((r) => r.satOn)).toEqual(['2026-12-01', '2026-11-20']);
    const exported = (await client.req('GET', '/api/account/export')).json();
    expect(exported.examResults).toHaveLength(2);
  });

  it('refuses a score and verdict that disagree, a future date and a missing domain, saying why', async () => {
    const { client } = await setup(store, '2027-02-10T09:00:00Z');
    const post = (body: object) => client.req('POST', '/api/results', { exam: 'mla-c02', satOn: '2027-02-01', scaled: 700, passed: false, domains, ...body });
    expect((await post({})).json().after).toEqual({ kind: 'retake', earliest: '2027-02-15', reason: 'wait', focus: ['2', '4'] });
    const contradiction = await post({ passed: true });
    expect(contradiction.statusCode).toBe(400);
    expect(contradiction.json().error.message).toBe('A scaled score of 700 is below the passing score of 720: check the result on your score report.');
    expect((await post({ satOn: '2027-03-01' })).json().error.message).toBe('The exam date 2027-03-01 is in the future: record a result once you have it.');
    expect((await post({ domains: { '1': 'meets' } })).statusCode).toBe(400);
    expect((await post({ scaled: 1200 })).json().error.message).toBe('A scaled score is a whole number from 100 to 1000.');
  });
});
