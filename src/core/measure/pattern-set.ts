import { rowCount, type ResponseMatrix } from './response-matrix.ts';

/**
 * The calibration's view of the data: distinct response patterns with frequency weights, over the
 * items that can be calibrated (re-indexed 0..nItems-1). Per pattern, the right answers come first
 * (`items[start[p] .. split[p])`) and the wrong ones after (`items[split[p] .. start[p+1])`), so the
 * E-step never branches on a score. `dense` means every pattern answers every item, which lets the
 * E-step add only the right answers to a shared base (see e-step.ts).
 */
export interface PatternSet {
  nItems: number;
  nPatterns: number;
  start: Int32Array;
  split: Int32Array;
  items: Int32Array;
  weight: Float64Array;
  dense: boolean;
  /** Sum of weights: the number of persons who answered at least one calibrated item. */
  totalWeight: number;
}

/** Why an item cannot be calibrated: its likelihood has no finite maximum. */
export type ExclusionReason = 'no responses' | 'all responses correct' | 'all responses incorrect';

export interface PatternBuild {
  patterns: PatternSet;
  /** Original item index of each calibrated item. */
  calibrated: number[];
  excluded: { index: number; reason: ExclusionReason; responses: number }[];
  /** Weighted responses and right answers per original item. */
  responses: Float64Array;
  correct: Float64Array;
  /** Persons (weighted) left out because they answered no calibrated item. */
  droppedPersons: number;
  /** Persons (weighted) with every answered item right, or every one wrong: kept, but reported. */
  perfectPersons: number;
  zeroPersons: number;
}

/**
 * Drops items whose responses are all right, all wrong or absent (their intercept would run to
 * infinity), drops persons left with no answers, and merges identical response patterns (summing
 * weights) so each distinct pattern is evaluated once per E-step.
 */
export function buildPatterns(m: ResponseMatrix): PatternBuild {
  const nAll = m.itemIds.length;
  const nRows = rowCount(m);
  const responses = new Float64Array(nAll);
  const correct = new Float64Array(nAll);
  for (let r = 0; r < nRows; r++) {
    const w = m.weights[r]!;
    for (let k = m.rowStart[r]!; k < m.rowStart[r + 1]!; k++) {
      const j = m.items[k]!;
      if (j < 0 || j >= nAll) throw new Error(`row ${r + 1}: item index ${j} outside 0..${nAll - 1}`);
      responses[j]! += w;
      correct[j]! += w * m.scores[k]!;
    }
  }
  const newIndex = new Int32Array(nAll).fill(-1);
  const calibrated: number[] = [];
  const excluded: PatternBuild['excluded'] = [];
  for (let j = 0; j < nAll; j++) {
    const n = responses[j]!;
    const reason: ExclusionReason | null = n === 0 ? 'no responses' : correct[j] === n ? 'all responses correct' : correct[j] === 0 ? 'all responses incorrect' : null;
    if (reason) excluded.push({ index: j, reason, responses: n });
    else {
      newIndex[j] = calibrated.length;
      calibrated.push(j);
    }
  }
  const nItems = calibrated.length;

  // Hash each row's (item, score) sequence; equal hashes are confirmed cell by cell before merging.
  const byHash = new Map<number, number[]>();
  const start: number[] = [0];
  const split: number[] = [];
  const items: number[] = [];
  const weight: number[] = [];
  const rowRight: number[] = [];
  const rowWrong: number[] = [];
  let droppedPersons = 0;
  let perfectPersons = 0;
  let zeroPersons = 0;
  let totalWeight = 0;
  let dense = true;
  for (let r = 0; r < nRows; r++) {
    const w = m.weights[r]!;
    rowRight.length = 0;
    rowWrong.length = 0;
    for (let k = m.rowStart[r]!; k < m.rowStart[r + 1]!; k++) {
      const j = newIndex[m.items[k]!]!;
      if (j < 0) continue;
      (m.scores[k] ? rowRight : rowWrong).push(j);
    }
    const answered = rowRight.length + rowWrong.length;
    if (answered === 0 || w === 0) {
      droppedPersons += w;
      continue;
    }
    if (rowWrong.length === 0) perfectPersons += w;
    if (rowRight.length === 0) zeroPersons += w;
    totalWeight += w;
    rowRight.sort((x, y) => x - y);
    rowWrong.sort((x, y) => x - y);
    let h = 0x811c9dc5 ^ rowRight.length;
    for (const j of rowRight) h = Math.imul(h ^ (j + 1), 0x01000193);
    h = Math.imul(h ^ 0x9e3779b9, 0x01000193);
    for (const j of rowWrong) h = Math.imul(h ^ (j + 1), 0x01000193);
    const bucket = byHash.get(h);
    let found = -1;
    if (bucket) {
      for (const p of bucket) {
        if (samePattern(p, start, split, items, rowRight, rowWrong)) {
          found = p;
          break;
        }
      }
    }
    if (found >= 0) {
      weight[found]! += w;
      continue;
    }
    const p = weight.length;
    if (bucket) bucket.push(p);
    else byHash.set(h, [p]);
    for (const j of rowRight) items.push(j);
    split.push(items.length);
    for (const j of rowWrong) items.push(j);
    start.push(items.length);
    weight.push(w);
    if (answered !== nItems) dense = false;
  }
  const nPatterns = weight.length;
  return {
    patterns: {
      nItems,
      nPatterns,
      start: Int32Array.from(start),
      split: Int32Array.from(split),
      items: Int32Array.from(items),
      weight: Float64Array.from(weight),
      dense: dense && nPatterns > 0,
      totalWeight,
    },
    calibrated,
    excluded,
    responses,
    correct,
    droppedPersons,
    perfectPersons,
    zeroPersons,
  };
}

function samePattern(p: number, start: number[], split: number[], items: number[], right: number[], wrong: number[]): boolean {
  const s = start[p]!;
  const mid = split[p]!;
  const e = start[p + 1]!;
  if (mid - s !== right.length || e - mid !== wrong.length) return false;
  for (let k = 0; k < right.length; k++) if (items[s + k] !== right[k]) return false;
  for (let k = 0; k < wrong.length; k++) if (items[mid + k] !== wrong[k]) return false;
  return true;
}
