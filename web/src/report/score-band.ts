/** Where a scaled score and its uncertainty sit on the score bar. */
export interface ScoreBand {
  /** Ends of the interval on the scaled scale, rounded and kept within the scale. */
  low: number;
  high: number;
  /** Left edge and width of the band, as percentages of the bar (0..100). */
  leftPct: number;
  widthPct: number;
}

/** z of a two-sided 95% interval under the normal approximation. */
export const Z95 = 1.96;

/**
 * The approximate 95% interval of an IRT estimate on the scaled scale:
 *   [score − 1.96·SE, score + 1.96·SE], clamped to [min, max],
 * and its position on a bar drawn from min to max: left = (low − min) / (max − min).
 * Returns null without a standard error (Angoff reports have none) or with a degenerate scale.
 */
export function scoreBand(score: number, se: number | null, scale: { min: number; max: number }): ScoreBand | null {
  if (se === null || !Number.isFinite(se) || se < 0 || !Number.isFinite(score)) return null;
  const span = scale.max - scale.min;
  if (!(span > 0)) return null;
  const clamp = (x: number) => Math.min(scale.max, Math.max(scale.min, x));
  const low = Math.round(clamp(score - Z95 * se));
  const high = Math.round(clamp(score + Z95 * se));
  const leftPct = ((low - scale.min) / span) * 100;
  return { low, high, leftPct, widthPct: ((high - low) / span) * 100 };
}
