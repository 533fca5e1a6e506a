import { describe, expect, it } from 'vitest';
import { buildPlan, PlanError, planStatus, type PlanModule } from './study-plan.ts';

const modules: PlanModule[] = [
  { id: 1, title: 'Data ingestion', weight: 0.1, mastery: 0.2, passed: false },
  { id: 2, title: 'Data Wrangler', weight: 0.05, mastery: 0.9, passed: false },
  { id: 3, title: 'Feature Store', weight: 0.05, mastery: 0.5, passed: true },
  { id: 4, title: 'Training', weight: 0.2, mastery: 0.5, passed: false },
];
const base = { today: '2026-12-07', examDate: '2027-01-18', hoursPerWeek: 10, modules, mockMinutes: 130 };
const minutesOf = (plan: ReturnType<typeof buildPlan>, module: number) => plan.weeks.flatMap((w) => w.sessions).filter((s) => s.module === module).reduce((a, s) => a + s.minutes, 0);

describe('the study plan', () => {
  it('lays out six weeks to the exam: daily reviews, a quick check first, mocks half way and in the last three weeks, the exam last', () => {
    const plan = buildPlan(base);
    expect(plan.weeks.map((w) => w.start)).toEqual(['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04', '2027-01-11']);
    const all = plan.weeks.flatMap((w) => w.sessions);
    expect(all.filter((s) => s.kind === 'review')).toHaveLength(42);
    expect(all.find((s) => s.kind === 'quick-check')).toEqual({ day: '2026-12-07', kind: 'quick-check', minutes: 20 });
    // Half way (week 3) and each of the last three weeks; the last one two days before the exam.
    expect(all.filter((s) => s.kind === 'mock').map((s) => s.day)).toEqual(['2026-12-26', '2027-01-02', '2027-01-09', '2027-01-16']);
    expect(all.at(-1)).toEqual({ day: '2027-01-18', kind: 'exam', minutes: 130 });
    // Module 3 is passed: no time for it. The others in path order, each with 90 minutes at least.
    expect(minutesOf(plan, 3)).toBe(0);
    expect(plan.weeks.flatMap((w) => w.modulesDone)).toEqual([1, 2, 4]);
    expect(minutesOf(plan, 2)).toBeGreaterThanOrEqual(90);
    // More weight and less mastery get more time: module 4 (0.2 × 0.5) over module 1 (0.1 × 0.8) over module 2 (0.05 × 0.1).
    expect(minutesOf(plan, 4)).toBeGreaterThan(minutesOf(plan, 1));
    expect(minutesOf(plan, 1)).toBeGreaterThan(minutesOf(plan, 2));
    // Every minute of the weeks is planned, within the hours given.
    for (const w of plan.weeks.slice(0, -1)) expect(w.sessions.filter((s) => s.kind !== 'exam').reduce((a, s) => a + s.minutes, 0)).toBeLessThanOrEqual(600 + 1);
    expect(plan.availableHours).toBeCloseTo(plan.moduleHours, 0);
    expect(Math.max(...all.filter((s) => s.kind === 'module').map((s) => s.minutes))).toBeLessThanOrEqual(90);
  });

  it('with too little time, shares the weeks by need without overloading the last one, and says the modules need more', () => {
    const many: PlanModule[] = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, title: `M${i + 1}`, weight: 1 / 30, mastery: 0, passed: false }));
    const plan = buildPlan({ ...base, hoursPerWeek: 4, modules: many });
    expect(plan.moduleHours).toBe(45);
    expect(plan.availableHours).toBeLessThan(plan.moduleHours);
    for (const w of plan.weeks) expect(w.sessions.filter((s) => s.kind !== 'exam').reduce((a, s) => a + s.minutes, 0)).toBeLessThanOrEqual(240 + 30);
    // Path order is kept across the weeks and within each.
    const order = plan.weeks.flatMap((w) => w.sessions.filter((s) => s.kind === 'module').map((s) => s.module!));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(plan.weeks.flatMap((w) => w.modulesDone)).toEqual(many.map((m) => m.id));
  });

  it('refuses an exam date that is not after today, with a message', () => {
    expect(() => buildPlan({ ...base, examDate: '2026-12-07' })).toThrow(new PlanError('The exam date 2026-12-07 is not after today (2026-12-07): give the date of your next sitting.'));
    expect(() => buildPlan({ ...base, examDate: '2026-11-30' })).toThrow(PlanError);
    expect(() => buildPlan({ ...base, hoursPerWeek: 0 })).toThrow('Give between 1 and 60 hours a week.');
  });

  it('says behind when a module the plan expected passed by now is not, and re-plans from today', () => {
    const first = buildPlan(base);
    const k = first.weeks.findIndex((w) => w.modulesDone.length > 0);
    const due = first.weeks[k]!.modulesDone;
    const after = new Date(Date.parse(`${first.weeks[k]!.start}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(planStatus(first, after, new Set())).toMatchObject({ state: 'behind', behind: due });
    expect(planStatus(first, after, new Set(due))).toMatchObject({ state: 'on-track', behind: [] });
    expect(planStatus(first, '2026-12-10', new Set())).toMatchObject({ state: 'on-track', expected: [] });
    expect(planStatus(first, '2026-12-10', new Set([1, 2]))).toMatchObject({ state: 'ahead' });
    // Module 3 was passed before the plan: it is not progress on it.
    expect(planStatus(first, '2026-12-10', new Set([3]))).toMatchObject({ state: 'on-track', done: [] });
    // Re-planned from a later day, with less time: the same modules, packed into the weeks left.
    const later = buildPlan({ ...base, today: '2026-12-28' });
    expect(later.weeks).toHaveLength(3);
    expect(later.weeks.flatMap((w) => w.modulesDone)).toEqual([1, 2, 4]);
  });
});
