/**
 * Scaled score before calibration (Angoff), as the design defines it.
 *
 * Raw cut C = Σ r_i over the form's scored items (r_i: the item's Angoff rating), kept within [1, n-1]
 * (`angoffRawCut` in core/measure/scaled-score.ts). The scale is linear on each side of the cut:
 *   raw ≤ C:  scaled = 100 + 620 · raw / C
 *   raw ≥ C:  scaled = 720 + 280 · (raw − C) / (n − C)
 * rounded to an integer, so 0 → 100, C → 720, n → 1000.
 */
export function angoffScaled(raw: number, rawCut: number, n: number, scale = { min: 100, max: 1000, pass: 720 }): number {
  if (n <= 0) return scale.min;
  const value =
    raw <= rawCut
      ? scale.min + ((scale.pass - scale.min) * raw) / rawCut
      : scale.pass + ((scale.max - scale.pass) * (raw - rawCut)) / (n - rawCut);
  return Math.round(Math.min(scale.max, Math.max(scale.min, value)));
}

/**
 * A domain "meets competencies" when the candidate's share correct in it reaches the domain's
 * Angoff share (the mean rating of its scored items).
 */
export function angoffDomainMeets(correct: number, total: number, ratings: readonly number[]): boolean {
  if (total === 0 || ratings.length === 0) return false;
  const share = ratings.reduce((s, r) => s + r, 0) / ratings.length;
  return correct / total >= share;
}
