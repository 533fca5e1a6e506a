import { chunkCount, type PatternSet } from './pattern-set.ts';

/**
 * What the E-step needs from the current parameters, per item j and node q (row-major j*Q + q):
 * logP = log P_j(z_q), logQ = log(1 - P_j(z_q)), diff = logP - logQ, and base_q = sum_j logQ_jq
 * (used for dense data, where every person answers every item).
 */
export interface EStepTables {
  nQuad: number;
  logPrior: Float64Array;
  logP: Float64Array;
  logQ: Float64Array;
  diff: Float64Array;
  base: Float64Array;
  /** Dense data: chunkSum[(c*256 + code)*Q + q] = sum of diff over the right items that `code` marks in chunk c. */
  chunkSum: Float64Array;
}

/**
 * Expected counts from an E-step over some patterns: right[j*Q+q] = sum over patterns answering j
 * right of weight x posterior(z_q); wrong likewise for wrong answers (sparse data), and total[q] the
 * posterior mass over all patterns (dense data, where wrong = total - right). logLik is
 * sum_p weight_p * log sum_q prior_q L_p(z_q).
 */
export interface EStepCounts {
  right: Float64Array;
  wrong: Float64Array;
  total: Float64Array;
  /** Dense data: posterior mass per (chunk, code), turned into `right` by finishCounts. */
  chunkPost: Float64Array;
  logLik: number;
}

/** Relative posterior mass exp(-36) = 2.3e-16 and below is treated as zero. */
export const WINDOW_CUT = 36;
/** Nodes added on each side of last E-step's window before evaluating. */
export const WINDOW_MARGIN = 2;

export function emptyCounts(nItems: number, nQuad: number, dense = false): EStepCounts {
  return {
    right: new Float64Array(nItems * nQuad),
    wrong: new Float64Array(nItems * nQuad),
    total: new Float64Array(nQuad),
    chunkPost: new Float64Array(dense ? chunkCount(nItems) * 256 * nQuad : 0),
    logLik: 0,
  };
}

/**
 * Dense data: precomputes, for every 8-item chunk c and every right/wrong combination `code`, the sum
 * of diff_jq over the items right in `code`, by adding one item to the code without its lowest bit.
 */
export function fillChunkSums(t: EStepTables, nItems: number): void {
  const Q = t.nQuad;
  const nChunks = chunkCount(nItems);
  for (let c = 0; c < nChunks; c++) {
    const chunkOff = c * 256 * Q;
    t.chunkSum.fill(0, chunkOff, chunkOff + Q);
    for (let code = 1; code < 256; code++) {
      const low = code & -code;
      const j = c * 8 + (31 - Math.clz32(low));
      const from = chunkOff + (code ^ low) * Q;
      const to = chunkOff + code * Q;
      if (j >= nItems) {
        t.chunkSum.copyWithin(to, from, from + Q);
        continue;
      }
      for (let q = 0; q < Q; q++) t.chunkSum[to + q] = t.chunkSum[from + q]! + t.diff[j * Q + q]!;
    }
  }
}

/**
 * Bock–Aitkin E-step over patterns [from, to): for pattern p with weight w_p,
 *   log L_p(z_q) = sum_{j right} logP_jq + sum_{j wrong} logQ_jq
 *                (dense data: base_q + sum_{chunks c} chunkSum[c, code_pc]_q, one addition per 8 items),
 *   post_pq = prior_q L_p(z_q) / sum_k prior_k L_p(z_k)   (computed with the max subtracted),
 * and adds w_p * post_pq to the counts of each item p answered. Adds into `out` (so slices computed
 * by separate workers can be summed) and returns the slice's log-likelihood, also added to out.logLik.
 *
 * Posterior windows: with many items a person's posterior covers a few nodes; nodes where
 * log post_pq < max_q log post_pq - WINDOW_CUT (relative mass below 2e-16) are skipped. Each pattern
 * keeps its window in `pat.window` and the next E-step evaluates it widened by WINDOW_MARGIN nodes;
 * if an edge of that window still carries mass the pattern is re-evaluated on all nodes. The
 * log-posterior is unimodal (log-concave for Rasch and 2PL), so dead edges imply dead tails.
 */
export function eStep(pat: PatternSet, t: EStepTables, from: number, to: number, out: EStepCounts): number {
  const Q = t.nQuad;
  const { start, split, items, weight, window } = pat;
  const { logPrior, logP, logQ, base, chunkSum } = t;
  const { right, wrong, total, chunkPost } = out;
  const codes = pat.codes;
  const nChunks = chunkCount(pat.nItems);
  const ll = new Float64Array(Q);
  let logLik = 0;
  for (let p = from; p < to; p++) {
    const s = start[p]!;
    const mid = split[p]!;
    const e = start[p + 1]!;
    // Nodes to evaluate: last E-step's window widened by WINDOW_MARGIN (all nodes the first time).
    let lo = Math.max(0, window[2 * p]! - WINDOW_MARGIN);
    let hi = Math.min(Q - 1, window[2 * p + 1]! + WINDOW_MARGIN);
    let max = -Infinity;
    for (;;) {
      if (pat.dense) {
        for (let q = lo; q <= hi; q++) ll[q] = base[q]! + logPrior[q]!;
        for (let c = 0; c < nChunks; c++) {
          const code = codes[p * nChunks + c]!;
          if (code === 0) continue;
          const off = ((c << 8) | code) * Q;
          for (let q = lo; q <= hi; q++) ll[q]! += chunkSum[off + q]!;
        }
      } else {
        for (let q = lo; q <= hi; q++) ll[q] = logPrior[q]!;
        for (let k = s; k < mid; k++) {
          const off = items[k]! * Q;
          for (let q = lo; q <= hi; q++) ll[q]! += logP[off + q]!;
        }
        for (let k = mid; k < e; k++) {
          const off = items[k]! * Q;
          for (let q = lo; q <= hi; q++) ll[q]! += logQ[off + q]!;
        }
      }
      max = -Infinity;
      for (let q = lo; q <= hi; q++) if (ll[q]! > max) max = ll[q]!;
      // A window edge that still carries mass means the posterior moved: evaluate every node.
      const edgeLive = (lo > 0 && ll[lo]! - max > -WINDOW_CUT) || (hi < Q - 1 && ll[hi]! - max > -WINDOW_CUT);
      if (!edgeLive || (lo === 0 && hi === Q - 1)) break;
      lo = 0;
      hi = Q - 1;
    }
    let sum = 0;
    let newLo = hi;
    let newHi = lo;
    for (let q = lo; q <= hi; q++) {
      const d = ll[q]! - max;
      if (d > -WINDOW_CUT) {
        if (q < newLo) newLo = q;
        newHi = q;
      }
      const v = Math.exp(d);
      ll[q] = v;
      sum += v;
    }
    window[2 * p] = newLo;
    window[2 * p + 1] = newHi;
    const w = weight[p]!;
    logLik += w * (max + Math.log(sum));
    const scale = w / sum;
    // Outside [newLo, newHi] the posterior is below exp(-WINDOW_CUT) of its peak: not worth adding.
    lo = newLo;
    hi = newHi;
    for (let q = lo; q <= hi; q++) ll[q]! *= scale;
    if (pat.dense) {
      for (let q = lo; q <= hi; q++) total[q]! += ll[q]!;
      for (let c = 0; c < nChunks; c++) {
        const code = codes[p * nChunks + c]!;
        if (code === 0) continue;
        const off = ((c << 8) | code) * Q;
        for (let q = lo; q <= hi; q++) chunkPost[off + q]! += ll[q]!;
      }
    } else {
      for (let k = s; k < mid; k++) {
        const off = items[k]! * Q;
        for (let q = lo; q <= hi; q++) right[off + q]! += ll[q]!;
      }
      for (let k = mid; k < e; k++) {
        const off = items[k]! * Q;
        for (let q = lo; q <= hi; q++) wrong[off + q]! += ll[q]!;
      }
    }
  }
  out.logLik += logLik;
  return logLik;
}

/**
 * For dense data, spreads the chunk posteriors to items (right_jq = sum of chunkPost over the codes of
 * j's chunk with j's bit set) and derives wrong_jq = total_q - right_jq.
 */
export function finishCounts(pat: PatternSet, nQuad: number, c: EStepCounts): void {
  if (!pat.dense) return;
  const Q = nQuad;
  c.right.fill(0);
  for (let ch = 0; ch < chunkCount(pat.nItems); ch++) {
    for (let code = 1; code < 256; code++) {
      const from = (ch * 256 + code) * Q;
      for (let b = 0; b < 8; b++) {
        const j = ch * 8 + b;
        if (!(code & (1 << b)) || j >= pat.nItems) continue;
        for (let q = 0; q < Q; q++) c.right[j * Q + q]! += c.chunkPost[from + q]!;
      }
    }
  }
  for (let j = 0; j < pat.nItems; j++) {
    const off = j * nQuad;
    for (let q = 0; q < nQuad; q++) c.wrong[off + q] = Math.max(0, c.total[q]! - c.right[off + q]!);
  }
}
