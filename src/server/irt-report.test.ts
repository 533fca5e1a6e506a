import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { mulberry32, normal } from '../core/measure/simulate-responses.ts';
import { calibrateStore } from '../cli/commands/calibrate-store.ts';
import { items as itemsCommand } from '../cli/commands/items.ts';
import { openStore } from '../cli/open-store.ts';
import { attempts } from '../db/repositories/attempts.ts';
import { itemParams } from '../db/repositories/item-params.ts';
import { items } from '../db/repositories/items.ts';
import { responses } from '../db/repositories/responses.ts';
import { users } from '../db/repositories/users.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { syntheticBank } from '../../test/helpers/synthetic-bank.ts';
import { buildApp } from './build-app.ts';
import { InjectClient } from '../../test/helpers/inject-client.ts';

const exam = loadExam();
const dir = mkdtempSync(path.join(tmpdir(), 'certprep-irt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bank of 24 synthetic items and `persons` simulated users, each with one attempt answered from a 2PL with known parameters. */
async function simulateCohort(url: string, opts: { persons: number; seed: number; reverse?: number }) {
  const handle = await openStore(url);
  const bank = syntheticBank(exam, 6, 0);
  await items.load(handle.db, 'bank', bank, 1);
  const versionOf = new Map((await items.active(handle.db, 'bank')).map((s) => [s.entry.id, s.versionId]));
  await users.insert(handle.db, { id: 'u1', email: 'sim@example.com', name: 'Sim', passwordHash: 'x', locale: 'en', now: 1 });
  const rng = mulberry32(opts.seed);
  const truth = bank.map(() => ({ a: 0.8 + rng() * 1.2, d: normal(rng) }));
  for (let p = 0; p < opts.persons; p++) {
    const id = `sim-${p}`;
    await users.insert(handle.db, { id, email: `sim-${p}@example.com`, name: 'Sim', passwordHash: 'x', locale: 'en', now: 1 });
    await attempts.insert(handle.db, { id, userId: id, kind: 'practice', exam: exam.id, profile: null, feedback: 'end', seed: id, startedMs: 1, deadlineMs: null, form: [] });
    await attempts.submit(handle.db, id, { now: 2, report: null, scaled: null, passed: null });
    const theta = normal(rng);
    await responses.insertMany(
      handle.db,
      bank.map((e, j) => {
        const t = truth[j]!;
        const right = rng() < 1 / (1 + Math.exp(-(t.a * theta + t.d)));
        // A miskeyed item: the stored key marks the strong candidates' answer wrong.
        const correct = j === opts.reverse ? !right : right;
        return { attemptId: id, userId: id, itemId: e.id, versionId: versionOf.get(e.id)!, position: j, scored: true, correct, answer: null, answeredMs: 1 };
      }),
    );
  }
  await handle.close();
  return { bank, truth };
}

describe('calibration from stored responses, then IRT reports', () => {
  it('calibrates the stored responses, stores the parameters, and reports the IRT score with its SE', async () => {
    const url = path.join(dir, 'irt.db');
    const { bank, truth } = await simulateCohort(url, { persons: 400, seed: 7 });

    // Classical analysis of the same responses: every item analysed, worst (lowest discrimination) first.
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    expect(await itemsCommand(['stats', '--database', url, '--json'])).toBe(0);
    spy.mockRestore();
    const stats = JSON.parse(lines.join('\n'));
    expect(stats.persons).toBe(400);
    expect(stats.items).toHaveLength(24);
    expect(stats.kr20).toBeGreaterThan(0.5);
    const rpb = stats.items.map((i: { pointBiserial: number }) => i.pointBiserial);
    expect(rpb).toEqual([...rpb].sort((a: number, b: number) => a - b));

    const run = await calibrateStore(url, '2pl', { exams: [exam] });
    expect(run.stored).toBe(true);
    expect(run.result!.items).toHaveLength(24);
    expect(run.sample).toMatchObject({ persons: 400, leftOut: { otherKey: 0, repeat: 0, withFeedback: 0, afterReveal: 0 } });
    const rmseD = Math.sqrt(run.result!.items.reduce((s, it) => s + (it.d - truth[bank.findIndex((e) => e.id === it.id)]!.d) ** 2, 0) / 24);
    expect(rmseD).toBeLessThan(0.25);

    const again = await openStore(url);
    const params = await itemParams.all(again.db);
    expect(params.size).toBe(24);
    const latest = (await itemParams.latest(again.db))!;
    expect(latest.persons).toBe(400);
    // The exam's reference form is frozen with the calibration: every question its mocks may hold (here the whole bank), with its rating.
    const frozen = await itemParams.reference(again.db, latest.id, exam.id);
    expect(frozen.size).toBe(bank.length);

    const { app, bank: service, attempts: svc } = await buildApp({ db: again.db, exams: [exam] });
    expect(service.irt(exam.id)).toBeDefined();
    const user = (await users.byId(again.db, 'u1'))!;
    const view = await svc.start(user, { kind: 'mock', exam: exam.id, profile: 'short' });
    const report = await svc.submit(user, view.id);
    expect(report.method).toBe('irt');
    expect(report.provisional).toBe(false);
    expect(report.scaled).toBeLessThan(720);
    expect(report.scaledSe).toBeGreaterThan(0);
    expect(report.passProbability).toBeGreaterThanOrEqual(0);
    expect(report.passProbability).toBeLessThan(0.5);
    await app.close();
    await again.close();
  }, 60_000);

  it('leaves a miskeyed item provisional and listed, and scoring still works', async () => {
    const url = path.join(dir, 'miskeyed.db');
    const { bank } = await simulateCohort(url, { persons: 400, seed: 11, reverse: 3 });
    const miskeyed = bank[3]!.id;
    const run = await calibrateStore(url, '2pl', {});
    expect(run.stored).toBe(true);
    expect(run.result!.items.find((i) => i.id === miskeyed)!.a).toBeLessThan(0);
    expect(run.admission!.leftOut).toEqual([{ id: miskeyed, reason: expect.stringMatching(/^negative slope .*check the key$/), responses: 400, flagged: true }]);
    const handle = await openStore(url);
    const params = await itemParams.all(handle.db);
    expect(params.size).toBe(23);
    expect(params.has(miskeyed)).toBe(false);
    const latest = (await itemParams.latest(handle.db))!;
    expect(await itemParams.leftOut(handle.db, latest.id)).toEqual([{ itemId: miskeyed, reason: expect.stringMatching(/negative slope/), responses: 400, flagged: true }]);

    const { app, bank: service } = await buildApp({ db: handle.db, exams: [exam] });
    expect(service.irt(exam.id)!.params.get(miskeyed)!.provisional).toBe(true);
    expect(service.flaggedItems().has(miskeyed)).toBe(true);
    const client = new InjectClient(app);
    await client.signUp('after-miskey@example.com');
    const mock = await client.req('POST', '/api/attempts', { kind: 'mock', exam: exam.id, profile: 'short' });
    expect(mock.statusCode).toBe(201);
    const report = await client.req('POST', `/api/attempts/${mock.json().id}/submit`);
    expect(report.statusCode).toBe(200);
    expect(report.json().method).toBe('irt');
    await app.close();
    await handle.close();
  }, 60_000);

  it('scores with provisional parameters when a stored slope is unusable (stored before the rules, or by hand)', async () => {
    const url = path.join(dir, 'hand.db');
    const { bank } = await simulateCohort(url, { persons: 5, seed: 3 });
    const handle = await openStore(url);
    await itemParams.replace(
      handle.db,
      { id: 'old', model: '2pl', fittedMs: 1, persons: 5, items: 2, logLik: -1, iterations: 3, converged: true },
      [
        { itemId: bank[0]!.id, a: -1.5, d: 0.2, responses: 5 },
        { itemId: bank[1]!.id, a: 20, d: 40, responses: 5 },
      ],
    );
    const { app, bank: service } = await buildApp({ db: handle.db, exams: [exam] });
    const irt = service.irt(exam.id)!;
    expect(irt.params.get(bank[0]!.id)!.provisional).toBe(true);
    expect(irt.params.get(bank[1]!.id)!.provisional).toBe(true);
    expect(Number.isFinite(irt.thetaCut)).toBe(true);
    const client = new InjectClient(app);
    await client.signUp('hand@example.com');
    const mock = await client.req('POST', '/api/attempts', { kind: 'mock', exam: exam.id, profile: 'short' });
    expect((await client.req('POST', `/api/attempts/${mock.json().id}/submit`)).statusCode).toBe(200);
    await app.close();
    await handle.close();
  }, 60_000);

  it('refuses a calibration from too few persons, and says how many it needs', async () => {
    for (const persons of [2, 5]) {
      const url = path.join(dir, `tiny-${persons}.db`);
      await simulateCohort(url, { persons, seed: persons });
      const run = await calibrateStore(url, '2pl', {});
      expect(run.stored).toBe(false);
      expect(run.message).toBe(`${persons} persons have usable responses; a calibration needs at least 200: the stored parameters are unchanged`);
      const handle = await openStore(url);
      expect((await itemParams.all(handle.db)).size).toBe(0);
      await handle.close();
    }
  });

  it('says so when there is nothing to calibrate', async () => {
    const run = await calibrateStore(path.join(dir, 'empty.db'), '2pl', {});
    expect(run.stored).toBe(false);
    expect(run.message).toMatch(/no responses are stored yet/);
  });
});
