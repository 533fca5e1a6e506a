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

const exam = loadExam();
const dir = mkdtempSync(path.join(tmpdir(), 'certprep-irt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('calibration from stored responses, then IRT reports', () => {
  it('calibrates the stored responses, stores the parameters, and reports the IRT score with its SE', async () => {
    const url = path.join(dir, 'irt.db');
    const handle = await openStore(url);
    const bank = syntheticBank(exam, 6, 0);
    await items.load(handle.db, 'bank', bank, 1);
    const [stored] = await items.active(handle.db, 'bank');
    await users.insert(handle.db, { id: 'u1', email: 'sim@example.com', name: 'Sim', passwordHash: 'x', locale: 'en', now: 1 });
    // 400 simulated attempts on the 24 items, from a 2PL with known parameters (fixed seed).
    const rng = mulberry32(7);
    const truth = bank.map(() => ({ a: 0.8 + rng() * 1.2, d: normal(rng) }));
    for (let p = 0; p < 400; p++) {
      const id = `sim-${p}`;
      await attempts.insert(handle.db, { id, userId: 'u1', kind: 'practice', exam: exam.id, profile: null, feedback: 'end', seed: id, startedMs: 1, deadlineMs: null, form: [] });
      await attempts.submit(handle.db, id, { now: 2, report: null, scaled: null, passed: null });
      const theta = normal(rng);
      await responses.insertMany(
        handle.db,
        bank.map((e, j) => {
          const t = truth[j]!;
          const correct = rng() < 1 / (1 + Math.exp(-(t.a * theta + t.d)));
          return { attemptId: id, userId: 'u1', itemId: e.id, versionId: stored!.versionId, position: j, scored: true, correct, answer: null, answeredMs: 1 };
        }),
      );
    }
    await handle.close();

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

    const run = await calibrateStore(url, '2pl', {});
    expect(run.stored).toBe(true);
    expect(run.result!.items).toHaveLength(24);
    const rmseD = Math.sqrt(run.result!.items.reduce((s, it) => s + (it.d - truth[bank.findIndex((e) => e.id === it.id)]!.d) ** 2, 0) / 24);
    expect(rmseD).toBeLessThan(0.25);

    const again = await openStore(url);
    const params = await itemParams.all(again.db);
    expect(params.size).toBe(24);
    expect((await itemParams.latest(again.db))!.persons).toBe(400);

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

  it('says so when there is nothing to calibrate', async () => {
    const run = await calibrateStore(path.join(dir, 'empty.db'), '2pl', {});
    expect(run.stored).toBe(false);
    expect(run.message).toMatch(/no responses are stored yet/);
  });
});
