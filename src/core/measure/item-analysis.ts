/**
 * Classical item analysis of scored responses, for tutors reviewing a bank: difficulty (p-value),
 * corrected point-biserial discrimination, option choice rates and the reliability of complete forms.
 */

export interface ScoredResponse {
  person: string;
  item: string;
  /** 1 right, 0 wrong (multiple-response, ordering and matching items are all-or-nothing). */
  score: number;
  /** Option ids the person chose (several for multiple response), for choice rates. */
  chosen?: readonly string[];
}

export type ItemFlag = 'negative-discrimination' | 'too-hard' | 'too-easy' | 'no-variance';

export interface ItemStatistics {
  item: string;
  responses: number;
  /** Share of responses that were right. */
  p: number;
  /** Pearson correlation of the item score with the rest score (total minus this item); null when undefined. */
  pointBiserial: number | null;
  /** Share of responses that chose each option (shares sum above 1 for multiple response). */
  choiceRates: Record<string, number>;
  flags: ItemFlag[];
}

export interface ItemAnalysis {
  items: ItemStatistics[];
  persons: number;
  /** KR-20 (= Cronbach's alpha for 0/1 items) over persons who answered every item; null when undefined. */
  kr20: number | null;
  completePersons: number;
}

export interface ItemAnalysisOptions {
  /** Option ids per item, so options nobody chose show a rate of 0. */
  options?: Readonly<Record<string, readonly string[]>>;
  /** Flag bounds on p (default 0.10 and 0.95). */
  minP?: number;
  maxP?: number;
}

/**
 * For item j over the persons who answered it: p_j = mean score; corrected point-biserial
 * r_j = corr(x_ij, R_ij) with rest score R_ij = sum_{k != j} x_ik (so the item does not correlate with
 * itself). Over complete persons (all items answered), with k items and total-score variance s^2:
 *   KR-20 = k / (k - 1) * (1 - sum_j p_j (1 - p_j) / s^2)   (population variances, as alpha uses).
 * Flags: negative discrimination (r < 0), p < minP (too hard), p > maxP (too easy), no variance.
 */
export function itemAnalysis(responses: readonly ScoredResponse[], options: ItemAnalysisOptions = {}): ItemAnalysis {
  const minP = options.minP ?? 0.1;
  const maxP = options.maxP ?? 0.95;
  const personIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const seen = new Set<string>();
  responses.forEach((r, k) => {
    if (r.score !== 0 && r.score !== 1) throw new Error(`item analysis: response ${k + 1} (${r.person}, ${r.item}) has score ${r.score}, expected 0 or 1`);
    const key = `${r.person}\u0000${r.item}`;
    if (seen.has(key)) throw new Error(`item analysis: response ${k + 1}: person ${r.person} answered item ${r.item} twice`);
    seen.add(key);
    if (!personIndex.has(r.person)) personIndex.set(r.person, personIndex.size);
    if (!itemIndex.has(r.item)) itemIndex.set(r.item, itemIndex.size);
  });
  const nP = personIndex.size;
  const nI = itemIndex.size;
  const total = new Float64Array(nP);
  const answered = new Int32Array(nP);
  for (const r of responses) {
    const i = personIndex.get(r.person)!;
    total[i]! += r.score;
    answered[i]!++;
  }
  const byItem: ScoredResponse[][] = Array.from({ length: nI }, () => []);
  for (const r of responses) byItem[itemIndex.get(r.item)!]!.push(r);

  const items: ItemStatistics[] = [...itemIndex.keys()].map((id, j) => {
    const rs = byItem[j]!;
    const n = rs.length;
    let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    const counts: Record<string, number> = {};
    for (const o of options.options?.[id] ?? []) counts[o] = 0;
    for (const r of rs) {
      const x = r.score;
      const y = total[personIndex.get(r.person)!]! - x;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
      for (const o of new Set(r.chosen ?? [])) counts[o] = (counts[o] ?? 0) + 1;
    }
    const p = sx / n;
    const vx = sxx / n - p * p;
    const my = sy / n;
    const vy = syy / n - my * my;
    const cov = sxy / n - p * my;
    const pointBiserial = vx > 1e-12 && vy > 1e-12 ? cov / Math.sqrt(vx * vy) : null;
    const flags: ItemFlag[] = [];
    if (vx <= 1e-12) flags.push('no-variance');
    if (pointBiserial !== null && pointBiserial < 0) flags.push('negative-discrimination');
    if (p < minP) flags.push('too-hard');
    if (p > maxP) flags.push('too-easy');
    const choiceRates: Record<string, number> = {};
    for (const [o, c] of Object.entries(counts)) choiceRates[o] = c / n;
    return { item: id, responses: n, p, pointBiserial, choiceRates, flags };
  });

  // KR-20 over complete persons only: with missing answers totals are not on one scale.
  let complete = 0, st = 0, stt = 0;
  const pComplete = new Float64Array(nI);
  for (let i = 0; i < nP; i++) {
    if (answered[i] !== nI) continue;
    complete++;
    st += total[i]!;
    stt += total[i]! * total[i]!;
  }
  if (complete > 0) {
    for (const r of responses) {
      if (answered[personIndex.get(r.person)!] === nI) pComplete[itemIndex.get(r.item)!]! += r.score;
    }
  }
  let kr20: number | null = null;
  if (complete >= 2 && nI >= 2) {
    const mean = st / complete;
    const variance = stt / complete - mean * mean;
    let pq = 0;
    for (let j = 0; j < nI; j++) {
      const pj = pComplete[j]! / complete;
      pq += pj * (1 - pj);
    }
    if (variance > 1e-12) kr20 = (nI / (nI - 1)) * (1 - pq / variance);
  }
  return { items, persons: nP, kr20, completePersons: complete };
}
