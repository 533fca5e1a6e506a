/**
 * A duration as people write it, the same in English and French: "47 s", "1 min 05 s", "20 min", "2 h 10 min".
 * Under a minute in seconds, under an hour in minutes and seconds, then hours and minutes.
 */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const two = (n: number) => String(n).padStart(2, '0');
  if (seconds < 3600) return seconds % 60 ? `${Math.floor(seconds / 60)} min ${two(seconds % 60)} s` : `${seconds / 60} min`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${two(minutes % 60)} min`;
}
