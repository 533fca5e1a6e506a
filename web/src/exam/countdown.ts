/**
 * The exam clock, computed from the server's deadline. The client's own clock may be wrong, so the
 * offset between server and client is measured once per attempt view:
 *   offset = serverNow - clientNowAtReceipt,  remaining = deadline - (clientNow + offset).
 * A reload therefore shows the same remaining time as before, whatever the client clock says.
 */
export function clockOffset(serverNowIso: string, clientNowMs: number): number {
  const server = Date.parse(serverNowIso);
  if (Number.isNaN(server)) throw new Error(`clockOffset: serverNow "${serverNowIso}" is not an ISO date`);
  return server - clientNowMs;
}

export function remainingMs(deadlineIso: string, clientNowMs: number, offsetMs: number): number {
  const deadline = Date.parse(deadlineIso);
  if (Number.isNaN(deadline)) throw new Error(`remainingMs: deadline "${deadlineIso}" is not an ISO date`);
  return Math.max(0, deadline - (clientNowMs + offsetMs));
}

/** "1:05:09" or "05:09": whole seconds, rounded up so 0:00 shows only at the deadline. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Minutes left at which screen readers hear the time; never every second. */
export const ANNOUNCE_AT_MINUTES = [30, 10, 5, 1] as const;

/**
 * The threshold (in minutes) crossed between two readings, or null. A threshold t is crossed when
 * previous > t minutes >= next; when one interval crosses several (a sleeping laptop), the lowest wins.
 */
export function crossedThreshold(previousMs: number, nextMs: number, thresholds: readonly number[] = ANNOUNCE_AT_MINUTES): number | null {
  let crossed: number | null = null;
  for (const t of thresholds) {
    const at = t * 60_000;
    if (previousMs > at && nextMs <= at && (crossed === null || t < crossed)) crossed = t;
  }
  return crossed;
}
