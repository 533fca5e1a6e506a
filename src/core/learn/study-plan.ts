/**
 * A study plan to the exam date: week by week, the modules not yet passed in path order, each given
 * time in proportion to its domain's weight and to what is left to learn (1 − mastery); a daily
 * review; a quick check in the first week; mock exams at about half way and weekly in the last three
 * weeks. Pure: dates in, plan out. The plan is rebuilt from the candidate's state whenever it is
 * read, so falling behind or moving the exam date re-plans it; `planStatus` compares what the plan
 * made on its first day expected by now with what was done.
 */

export interface PlanModule {
  id: number;
  title: string;
  /** The module's share of the exam: its task statements' shares summed (0–1). */
  weight: number;
  /** 0–1, from the answers on the module's task statements. */
  mastery: number;
  passed: boolean;
}

export interface PlanInput {
  /** YYYY-MM-DD, the candidate's today. */
  today: string;
  examDate: string;
  hoursPerWeek: number;
  /** Content modules in path order. */
  modules: PlanModule[];
  /** The mock's length, in minutes (the exam's standard profile). */
  mockMinutes: number;
}

export type SessionKind = 'module' | 'review' | 'quick-check' | 'mock' | 'exam';
export interface PlanSession {
  day: string;
  kind: SessionKind;
  minutes: number;
  module?: number;
}
export interface PlanWeek {
  start: string;
  sessions: PlanSession[];
  /** Modules whose time ends this week: they should be passed by its end. */
  modulesDone: number[];
}
export interface StudyPlan {
  examDate: string;
  hoursPerWeek: number;
  weeks: PlanWeek[];
  /** Hours the modules need (at least 1.5 each), and the hours the weeks leave for them: more needed than left means the plan is short of time. */
  moduleHours: number;
  availableHours: number;
}

export class PlanError extends Error {}

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Daily review of flash cards and missed questions. */
export const REVIEW_MINUTES_PER_DAY = 15;
const MIN_MODULE_MINUTES = 90;
const SESSION_MAX = 90;

export function buildPlan(input: PlanInput): StudyPlan {
  const start = day(input.today);
  const exam = day(input.examDate);
  if (Number.isNaN(exam) || Number.isNaN(start)) throw new PlanError('The exam date must be a date like 2027-02-15.');
  if (exam <= start) throw new PlanError(`The exam date ${input.examDate} is not after today (${input.today}): give the date of your next sitting.`);
  if (!(input.hoursPerWeek >= 1 && input.hoursPerWeek <= 60)) throw new PlanError('Give between 1 and 60 hours a week.');
  const days = Math.round((exam - start) / DAY);
  const weeks = Math.max(1, Math.ceil(days / 7));
  // Mocks: about half way, then one a week in the last three weeks (never on the exam's eve).
  const mockWeeks = new Set<number>([Math.floor((weeks - 1) / 2), weeks - 3, weeks - 2, weeks - 1].filter((w) => w >= 1 && w < weeks));
  if (weeks === 1) mockWeeks.clear();
  const mockDay = (w: number) => Math.min(start + (w * 7 + 5) * DAY, exam - 2 * DAY);
  const plan: PlanWeek[] = Array.from({ length: weeks }, (_, w) => ({ start: iso(start + w * 7 * DAY), sessions: [], modulesDone: [] }));
  const weekMinutes = input.hoursPerWeek * 60;
  const capacity = plan.map((_, w) => {
    const daysInWeek = Math.min(7, days - w * 7);
    let left = (weekMinutes * daysInWeek) / 7;
    for (let d = 0; d < daysInWeek; d++) plan[w]!.sessions.push({ day: iso(start + (w * 7 + d) * DAY), kind: 'review', minutes: REVIEW_MINUTES_PER_DAY });
    left -= daysInWeek * REVIEW_MINUTES_PER_DAY;
    if (w === 0) {
      plan[0]!.sessions.push({ day: input.today, kind: 'quick-check', minutes: 20 });
      left -= 20;
    }
    if (mockWeeks.has(w) && mockDay(w) > start) {
      plan[w]!.sessions.push({ day: iso(mockDay(w)), kind: 'mock', minutes: input.mockMinutes + 30 });
      left -= input.mockMinutes + 30;
    }
    return Math.max(0, left);
  });
  const availableMinutes = capacity.reduce((a, b) => a + b, 0);
  const todo = input.modules.filter((m) => !m.passed);
  const need = todo.map((m) => m.weight * (1 - m.mastery) + 0.01);
  const needSum = need.reduce((a, b) => a + b, 0) || 1;
  // Each module gets a minimum and the rest is shared by need. With too little time for the minimums,
  // the weeks' time is shared by need alone (and the plan says the modules need more than there is).
  const floor = todo.length * MIN_MODULE_MINUTES;
  const spare = Math.max(0, availableMinutes - floor);
  const needed = todo.map((_, i) => MIN_MODULE_MINUTES + (spare * need[i]!) / needSum);
  const minutes = availableMinutes >= floor ? needed : todo.map((_, i) => (availableMinutes * need[i]!) / needSum);
  // Lay the modules out in path order, filling each week's capacity in sessions of up to 90 minutes,
  // spread over the week's days in order.
  const weekCapacity = [...capacity];
  let w = 0;
  todo.forEach((m, i) => {
    let left = minutes[i]!;
    while (left > 0.5) {
      while (w < weeks - 1 && capacity[w]! < 1) w += 1;
      const take = Math.min(left, SESSION_MAX, Math.max(capacity[w]!, w === weeks - 1 ? left : 0));
      const daysInWeek = Math.min(7, days - w * 7);
      const used = weekCapacity[w]! - capacity[w]!;
      const dayIndex = Math.min(daysInWeek - 1, Math.floor((used / Math.max(1, weekCapacity[w]!)) * daysInWeek));
      plan[w]!.sessions.push({ day: iso(start + (w * 7 + dayIndex) * DAY), kind: 'module', module: m.id, minutes: Math.max(1, Math.round(take)) });
      capacity[w] = capacity[w]! - take;
      left -= take;
    }
    plan[w]!.modulesDone.push(m.id);
  });
  plan[weeks - 1]!.sessions.push({ day: input.examDate, kind: 'exam', minutes: input.mockMinutes });
  for (const week of plan) week.sessions.sort((a, b) => a.day.localeCompare(b.day) || order(a.kind) - order(b.kind));
  return { examDate: input.examDate, hoursPerWeek: input.hoursPerWeek, weeks: plan, moduleHours: round1(Math.max(floor, needed.reduce((a, b) => a + b, 0)) / 60), availableHours: round1(availableMinutes / 60) };
}

const order = (k: SessionKind) => ['review', 'quick-check', 'module', 'mock', 'exam'].indexOf(k);
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Planned against done: the modules the plan, as first made, expected passed by `today`, against
 * those passed. Behind by a module or more says so; the plan shown is rebuilt from today either way.
 */
export function planStatus(original: StudyPlan, today: string, passed: ReadonlySet<number>): { expected: number[]; done: number[]; behind: number[]; state: 'on-track' | 'behind' | 'ahead' } {
  const expected = original.weeks.filter((w) => day(w.start) + 7 * DAY <= day(today)).flatMap((w) => w.modulesDone);
  const behind = expected.filter((m) => !passed.has(m));
  // Modules passed before the plan was made are not progress on it.
  const planned = new Set(original.weeks.flatMap((w) => w.modulesDone));
  const done = [...passed].filter((m) => planned.has(m));
  const ahead = done.length > expected.length && behind.length === 0;
  return { expected, done, behind, state: behind.length ? 'behind' : ahead ? 'ahead' : 'on-track' };
}
