import { describe, expect, it } from 'vitest';
import { accountsApp } from '../../test/helpers/accounts-app.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores } from '../../test/helpers/stores.ts';
import { buildApp } from './build-app.ts';

const exam = loadExam('mla-c02');
const stores = useStores();

describe.each(STORES)('health and readiness, on %s', (store) => {
  it('says alive, and ready with each check named once the store answers, its schema is current and the bank is loaded', async () => {
    const { app } = await accountsApp(stores, store, { exam, t0: Date.parse('2026-12-03T09:00:00Z') });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'alive' });
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect([ready.statusCode, ready.json()]).toEqual([200, { ready: true, checks: { store: true, migrations: true, bank: true, accepting: true } }]);
  });

  it('is not ready with no bank loaded', async () => {
    const handle = await stores.open(store);
    const empty = await buildApp({ db: handle.db, exams: [exam] });
    const res = await empty.app.inject({ method: 'GET', url: '/readyz' });
    expect([res.statusCode, res.json().checks.bank]).toEqual([503, false]);
  });
});
