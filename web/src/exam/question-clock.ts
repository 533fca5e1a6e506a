/** No keyboard, pointer or scroll input for this long: the candidate has stepped away, and the clock stops until they are back. */
export const IDLE_MS = 5 * 60_000;

/**
 * How long each question has been on screen, cumulative per position, counting only while it is
 * shown, the page visible and the candidate active. The server keeps the highest figure it is sent
 * (`PUT /api/attempts/:id/time`), so a total that failed to reach it is simply sent again.
 */
export class QuestionClock {
  private readonly totals = new Map<number, number>();
  private readonly acknowledged = new Map<number, number>();
  private current: number | null = null;
  private since = 0;
  private lastActive = 0;

  constructor(
    initial: Record<string, number>,
    private readonly now: () => number,
  ) {
    for (const [position, ms] of Object.entries(initial)) {
      this.totals.set(Number(position), ms);
      this.acknowledged.set(Number(position), ms);
    }
  }

  /** The question now on screen, or null (review screen, paused, page hidden). */
  show(position: number | null): void {
    this.commit();
    this.current = position;
    this.lastActive = this.now();
  }

  /** Input from the candidate: counting resumes if it had stopped for idleness. */
  activity(): void {
    const t = this.now();
    if (t > this.lastActive + IDLE_MS) this.commit();
    this.lastActive = t;
  }

  /** Milliseconds of one question so far, the running stretch included. */
  total(position: number): number {
    return (this.totals.get(position) ?? 0) + (position === this.current ? this.stretch() : 0);
  }

  /** Totals that differ from what the server acknowledged, in whole milliseconds. */
  pending(): { position: number; ms: number }[] {
    this.commit();
    return [...this.totals]
      .map(([position, ms]) => ({ position, ms: Math.round(ms) }))
      .filter((e) => e.ms > (this.acknowledged.get(e.position) ?? 0));
  }

  /** The server stored these totals. */
  acknowledge(sent: { position: number; ms: number }[]): void {
    for (const e of sent) if (e.ms > (this.acknowledged.get(e.position) ?? 0)) this.acknowledged.set(e.position, e.ms);
  }

  private stretch(): number {
    if (this.current === null) return 0;
    return Math.max(0, Math.min(this.now(), this.lastActive + IDLE_MS) - this.since);
  }

  private commit(): void {
    if (this.current !== null) this.totals.set(this.current, (this.totals.get(this.current) ?? 0) + this.stretch());
    this.since = this.now();
  }
}
