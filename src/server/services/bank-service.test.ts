import { describe, expect, it } from 'vitest';
import type { BankEntry } from '../../core/items/item-schema.ts';
import { referenceForm } from '../../core/exam/reference-form.ts';
import { scoringContext } from '../../core/scoring/irt-score.ts';
import { itemParams } from '../../db/repositories/item-params.ts';
import { items } from '../../db/repositories/items.ts';
import { loadExam } from '../../../test/helpers/load-exam.ts';
import { useStores } from '../../../test/helpers/stores.ts';
import { twoExamBank } from '../../../test/helpers/synthetic-bank.ts';
import { BankService } from './bank-service.ts';

const c01 = loadExam('mla-c01');
const c02 = loadExam('mla-c02');
const stores = useStores();

/** The two-exam bank with C02 Angoff ratings of 0.45 (its minimally qualified candidate differs from C01's 0.6), and 0.9 on the C02 ordering and matching questions, which its mocks never hold. */
function bankWithRatings(): BankEntry[] {
  return twoExamBank(c01, c02, 16).map((e) => {
    if (e.type === 'case' || !e.exams?.['mla-c02']) return e;
    const angoff = e.type === 'ordering' || e.type === 'matching' ? 0.9 : 0.45;
    return { ...e, exams: { ...e.exams, 'mla-c02': { ...e.exams['mla-c02'], angoff } } };
  });
}

describe('BankService: one calibration, a cut per exam', () => {
  it('gives each exam its own cut ability from its own ratings over the questions its mocks may hold', async () => {
    const { db } = await stores.open('sqlite');
    const bank = bankWithRatings();
    await items.load(db, 'bank', bank, 1);
    const ids = bank.flatMap((e) => (e.type === 'case' ? e.questions.map((q) => q.id) : [e.id]));
    // Item parameters belong to the item: one calibration, read by both exams.
    await itemParams.replace(db, { id: 'cal-1', model: '2pl', fittedMs: 1, persons: 500, items: ids.length, logLik: -1, iterations: 10, converged: true }, ids.map((itemId, i) => ({ itemId, a: 1 + (i % 3) * 0.2, d: ((i % 7) - 3) * 0.3, responses: 500 })));
    const service = new BankService(db, [c01, c02]);
    await service.refresh();
    const ctx01 = service.irt('mla-c01')!;
    const ctx02 = service.irt('mla-c02')!;
    expect(ctx02.params.get('d1-000')).toEqual(ctx01.params.get('d1-000'));

    // C02's reference form: its single and multiple questions at 0.45; the 0.9-rated ordering and matching ones play no part.
    const c02Mockable = new Map(
      bank.flatMap((e) => (e.type !== 'case' && e.exams?.['mla-c02'] && (e.type === 'single' || e.type === 'multiple') ? [[e.id, 0.45] as const] : [])),
    );
    expect(c02Mockable.size).toBe(16);
    const calibrated = await itemParams.all(db);
    expect(ctx02.thetaCut).toBeCloseTo(scoringContext(calibrated, c02Mockable, c02Mockable).thetaCut, 10);
    // A lower Angoff rating of the minimally qualified candidate means a lower cut ability.
    expect(ctx02.thetaCut).toBeLessThan(ctx01.thetaCut);
    expect(service.irt('mla-c03')).toBeUndefined();
  });

  it('keeps the cut frozen with the calibration when questions join the bank afterwards', async () => {
    const { db } = await stores.open('sqlite');
    const bank = bankWithRatings();
    await items.load(db, 'bank', bank, 1);
    const ids = bank.flatMap((e) => (e.type === 'case' ? e.questions.map((q) => q.id) : [e.id]));
    const frozen = [...referenceForm(bank, c02)].map(([itemId, angoff]) => ({ examId: 'mla-c02', itemId, angoff }));
    const params = ids.map((itemId, i) => ({ itemId, a: 1 + (i % 3) * 0.2, d: ((i % 7) - 3) * 0.3, responses: 500 }));
    await itemParams.replace(db, { id: 'cal-1', model: '2pl', fittedMs: 1, persons: 500, items: ids.length, logLik: -1, iterations: 10, converged: true }, params, [], frozen);
    const service = new BankService(db, [c01, c02]);
    await service.refresh();
    const before = service.irt('mla-c02')!.thetaCut;
    // After the calibration, half of C02's mock pool retires and authors re-rate the rest at 0.95.
    const pool = [...referenceForm(bank, c02).keys()];
    const retired = new Set(pool.slice(0, pool.length / 2));
    const edited = bank
      .filter((e) => !retired.has(e.id))
      .map((e) => (e.type !== 'case' && e.exams?.['mla-c02'] && pool.includes(e.id) ? ({ ...e, exams: { ...e.exams, 'mla-c02': { ...e.exams['mla-c02'], angoff: 0.95 } } } as BankEntry) : e));
    await items.load(db, 'bank', edited, 2, { retireMissing: true });
    await service.refresh();
    expect(service.irt('mla-c02')!.thetaCut).toBeCloseTo(before, 12);
    // Unfrozen, the same change would move the cut.
    const current = referenceForm(edited, c02);
    expect(scoringContext(await itemParams.all(db), current, current).thetaCut).not.toBeCloseTo(before, 2);
  });
});
