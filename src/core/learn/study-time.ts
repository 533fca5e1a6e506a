/**
 * Time spent, from the time each question was on screen (`question_time`): an attempt's pace against
 * the real exam's time per question, its slowest questions, and study time per calendar week.
 */

export interface PaceSummary {
  /** Time on the questions, summed. */
  questionMs: number;
  /** Questions that were on screen at all. */
  seen: number;
  /** The mean over the questions seen. */
  averageMs: number;
  /** What the real exam allows per question: its standard profile's minutes over its questions. */
  targetMs: number;
  /** The slowest questions, slowest first (at most `slowestCount`). */
  slowest: { position: number; ms: number }[];
}

export function paceSummary(times: ReadonlyMap<number, number>, targetMs: number, slowestCount = 5): PaceSummary {
  const entries = [...times].filter(([, ms]) => ms > 0);
  const questionMs = entries.reduce((sum, [, ms]) => sum + ms, 0);
  const slowest = entries
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, slowestCount)
    .map(([position, ms]) => ({ position, ms }));
  return { questionMs, seen: entries.length, averageMs: entries.length ? Math.round(questionMs / entries.length) : 0, targetMs, slowest };
}

const DAY_MS = 86_400_000;

/** The Monday (UTC) of the week holding `ms`, as YYYY-MM-DD. */
export function weekStart(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday = 0.
  const monday = day - ((day + 3) % 7);
  return new Date(monday * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Study time per week for the `weeks` weeks up to and including the current one, oldest first; each
 * attempt's time counts in the week it was started. Weeks with no study are listed with 0.
 */
export function weeklyStudyTime(attempts: { startedMs: number; ms: number }[], now: number, weeks = 8): { weekStart: string; ms: number }[] {
  const current = Date.parse(`${weekStart(now)}T00:00:00Z`);
  const out = Array.from({ length: weeks }, (_, i) => ({ weekStart: new Date(current - (weeks - 1 - i) * 7 * DAY_MS).toISOString().slice(0, 10), ms: 0 }));
  const index = new Map(out.map((w, i) => [w.weekStart, i]));
  for (const a of attempts) {
    const i = index.get(weekStart(a.startedMs));
    if (i !== undefined) out[i]!.ms += a.ms;
  }
  return out;
}
