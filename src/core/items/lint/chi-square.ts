/**
 * Pearson's chi-square goodness-of-fit test against a uniform distribution.
 *
 * With observed counts O_1..O_k over k cells and n = sum O_i, each cell expects E = n / k and
 *   X^2 = sum_i (O_i - E)^2 / E,
 * which under the null hypothesis follows a chi-square distribution with k - 1 degrees of freedom.
 * The p-value is its survival function
 *   P(chi2_df >= X^2) = Q(df / 2, X^2 / 2),
 * where Q(a, x) = Gamma(a, x) / Gamma(a) is the regularized upper incomplete gamma function.
 */
export function chiSquareUniform(counts: number[]): { statistic: number; df: number; pValue: number } {
  const k = counts.length;
  if (k < 2) throw new Error(`chiSquareUniform needs at least 2 cells, got ${k}`);
  const n = counts.reduce((s, c) => s + c, 0);
  if (n <= 0) throw new Error('chiSquareUniform needs at least one observation');
  const expected = n / k;
  const statistic = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
  const df = k - 1;
  return { statistic, df, pValue: chiSquareSurvival(statistic, df) };
}

/** P(chi2_df >= x) = Q(df / 2, x / 2). */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) throw new Error(`degrees of freedom must be positive, got ${df}`);
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}

/**
 * Q(a, x) = 1 - P(a, x), computed as in Numerical Recipes (gammq): for x < a + 1 the series
 *   P(a, x) = e^{-x} x^a / Gamma(a + 1) * sum_{n>=0} x^n / ((a + 1)(a + 2)...(a + n)),
 * otherwise the continued fraction
 *   Q(a, x) = e^{-x} x^a / Gamma(a) * 1 / (x + 1 - a - 1(1 - a) / (x + 3 - a - 2(2 - a) / (x + 5 - a - ...))),
 * evaluated with the modified Lentz method. Both converge to about 1e-14 relative error.
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (x < 0 || a <= 0) throw new Error(`regularizedGammaQ needs a > 0 and x >= 0, got a=${a}, x=${x}`);
  if (x === 0) return 1;
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefix));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.exp(logPrefix) * h;
}

/** ln Gamma(z) for z > 0 by the Lanczos approximation (g = 7, 9 coefficients; about 15 digits). */
export function logGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const g = 7;
  const coef = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const zz = z - 1;
  let s = coef[0]!;
  for (let i = 1; i < g + 2; i++) s += coef[i]! / (zz + i);
  const t = zz + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (zz + 0.5) * Math.log(t) - t + Math.log(s);
}
