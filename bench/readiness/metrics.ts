// Forecast quality of a shown pass probability against what happened next (0/1).

export interface ForecastQuality {
  n: number;
  brier: number;
  /** Expected calibration error: 10 equal-width bins of the shown probability, weighted by count. */
  ece: number;
  /** Slope of the logistic regression of the outcome on logit(shown); 1 is a well-calibrated forecast. */
  slope: number;
  intercept: number;
  /** Share of candidates shown 0% or 100% (after rounding to a whole percent, as the screen does). */
  shownExtremes: number;
  /** Deciles of the shown probability: mean shown against the share that passed. */
  deciles: { shown: number; passed: number; n: number }[];
}

export function forecastQuality(shown: readonly number[], outcome: readonly (0 | 1)[]): ForecastQuality {
  const n = shown.length;
  let brier = 0;
  for (let i = 0; i < n; i++) brier += (shown[i]! - outcome[i]!) ** 2;
  const bins = Array.from({ length: 10 }, () => ({ p: 0, y: 0, n: 0 }));
  shown.forEach((p, i) => {
    const b = bins[Math.min(9, Math.floor(p * 10))]!;
    b.p += p;
    b.y += outcome[i]!;
    b.n++;
  });
  const ece = bins.reduce((s, b) => s + (b.n ? Math.abs(b.p / b.n - b.y / b.n) * b.n : 0), 0) / n;
  const order = shown.map((p, i) => i).sort((a, b) => shown[a]! - shown[b]!);
  const deciles = Array.from({ length: 10 }, (_, k) => {
    const part = order.slice(Math.floor((k * n) / 10), Math.floor(((k + 1) * n) / 10));
    return { shown: mean(part.map((i) => shown[i]!)), passed: mean(part.map((i) => outcome[i]!)), n: part.length };
  });
  const { slope, intercept } = logisticFit(shown.map(logit), outcome);
  const shownExtremes = shown.filter((p) => Math.round(p * 100) === 0 || Math.round(p * 100) === 100).length / n;
  return { n, brier: brier / n, ece, slope, intercept, shownExtremes, deciles };
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : Number.NaN);

function logit(p: number): number {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
}

/** Two-parameter logistic regression y ~ Bernoulli(sigmoid(b0 + b1 x)) by Newton–Raphson. */
export function logisticFit(x: readonly number[], y: readonly (0 | 1)[]): { intercept: number; slope: number } {
  let b0 = 0;
  let b1 = 1;
  for (let it = 0; it < 100; it++) {
    let g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
    for (let i = 0; i < x.length; i++) {
      const p = 1 / (1 + Math.exp(-(b0 + b1 * x[i]!)));
      const r = y[i]! - p;
      const w = p * (1 - p);
      g0 += r;
      g1 += r * x[i]!;
      h00 += w;
      h01 += w * x[i]!;
      h11 += w * x[i]! * x[i]!;
    }
    const det = h00 * h11 - h01 * h01;
    if (!(det > 0)) break;
    const d0 = (h11 * g0 - h01 * g1) / det;
    const d1 = (h00 * g1 - h01 * g0) / det;
    b0 += d0;
    b1 += d1;
    if (Math.abs(d0) + Math.abs(d1) < 1e-10) break;
  }
  return { intercept: b0, slope: b1 };
}
