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
  /** Dense data only: right answers packed per 8-item chunk, nPatterns x chunkCount(nItems) bytes. */
  codes: Uint8Array;
  /**
   * E-step state: per pattern, the first and last quadrature node where the posterior mattered at the
   * last E-step (2 bytes per pattern; starts as 0..255, i.e. all nodes). Written by eStep.
   */
  window: Uint8Array;
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
  const { rowStart, items: cellItems, scores: cellScores, weights } = m;
  for (let r = 0; r < nRows; r++) {
    const w = weights[r]!;
    const end = rowStart[r + 1]!;
    for (let k = rowStart[r]!; k < end; k++) {
      const j = cellItems[k]!;
      if (j < 0 || j >= nAll) throw new Error(`row ${r + 1}: item index ${j} outside 0..${nAll - 1}`);
      responses[j]! += w;
      if (cellScores[k]) correct[j]! += w;
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
  let capacity = 0;
  for (let r = 0; r < nRows; r++) capacity += rowStart[r + 1]! - rowStart[r]!;
  const items = new Int32Array(capacity);
  const start = new Int32Array(nRows + 1);
  const split = new Int32Array(nRows);
  const weight = new Float64Array(nRows);
  const firstWithHash = new Map<number, number>();
  const nextWithHash: number[] = [];
  const right = new Int32Array(nItems);
  const wrong = new Int32Array(nItems);
  let nPatterns = 0;
  let at = 0;
  let droppedPersons = 0;
  let perfectPersons = 0;
  let zeroPersons = 0;
  let totalWeight = 0;
  let dense = true;
  for (let r = 0; r < nRows; r++) {
    const w = weights[r]!;
    let nr = 0;
    let nw = 0;
    let sorted = true;
    let prev = -1;
    const end = rowStart[r + 1]!;
    for (let k = rowStart[r]!; k < end; k++) {
      const j = newIndex[cellItems[k]!]!;
      if (j < 0) continue;
      if (j <= prev) sorted = false;
      prev = j;
      if (cellScores[k]) right[nr++] = j;
      else wrong[nw++] = j;
    }
    if (nr + nw === 0 || w === 0) {
      droppedPersons += w;
      continue;
    }
    if (!sorted) {
      right.subarray(0, nr).sort();
      wrong.subarray(0, nw).sort();
      for (let k = 1; k < nr; k++) if (right[k] === right[k - 1]) throw new Error(`row ${r + 1}: item ${data(m, calibrated, right[k]!)} answered twice`);
      for (let k = 1; k < nw; k++) if (wrong[k] === wrong[k - 1]) throw new Error(`row ${r + 1}: item ${data(m, calibrated, wrong[k]!)} answered twice`);
    }
    if (nw === 0) perfectPersons += w;
    if (nr === 0) zeroPersons += w;
    totalWeight += w;
    let h = 0x811c9dc5 ^ nr;
    for (let k = 0; k < nr; k++) h = Math.imul(h ^ (right[k]! + 1), 0x01000193);
    h = Math.imul(h ^ 0x9e3779b9, 0x01000193);
    for (let k = 0; k < nw; k++) h = Math.imul(h ^ (wrong[k]! + 1), 0x01000193);
    h &= 0x3fffffff; // keep keys small integers (unboxed) for the Map
    let found = firstWithHash.get(h) ?? -1;
    let last = found;
    while (found >= 0 && !samePattern(found, start, split, items, right, nr, wrong, nw)) {
      last = found;
      found = nextWithHash[found]!;
    }
    if (found >= 0) {
      weight[found]! += w;
      continue;
    }
    const p = nPatterns++;
    nextWithHash.push(-1);
    if (last >= 0) nextWithHash[last] = p;
    else firstWithHash.set(h, p);
    items.set(right.subarray(0, nr), at);
    split[p] = at + nr;
    items.set(wrong.subarray(0, nw), at + nr);
    at += nr + nw;
    start[p + 1] = at;
    weight[p] = w;
    if (nr + nw !== nItems) dense = false;
  }
  dense = dense && nPatterns > 0;
  const patterns: PatternSet = {
    nItems,
    nPatterns,
    start: start.slice(0, nPatterns + 1),
    split: split.slice(0, nPatterns),
    items: items.slice(0, at),
    weight: weight.slice(0, nPatterns),
    dense,
    totalWeight,
    codes: dense ? chunkCodes(nItems, nPatterns, start, split, items) : new Uint8Array(0),
    window: freshWindows(nPatterns),
  };
  return { patterns, calibrated, excluded, responses, correct, droppedPersons, perfectPersons, zeroPersons };
}

/** Windows that cover every node: used for a new pattern set and before any new calibration. */
export function freshWindows(nPatterns: number): Uint8Array {
  const w = new Uint8Array(2 * nPatterns);
  for (let p = 0; p < nPatterns; p++) w[2 * p + 1] = 255;
  return w;
}

function data(m: ResponseMatrix, calibrated: number[], j: number): string {
  return m.itemIds[calibrated[j]!] ?? String(j);
}

/** Bits per chunk code: 8 items per byte, so a chunk has 256 possible right/wrong combinations. */
export const CHUNK_BITS = 8;

/** Number of 8-item chunks covering `nItems` items. */
export function chunkCount(nItems: number): number {
  return Math.ceil(nItems / CHUNK_BITS);
}

/**
 * For dense data, pattern p's right answers as one byte per chunk of 8 items (bit b of chunk c set
 * when item 8c+b is right), so the E-step can add one precomputed sum per chunk instead of one
 * table row per right item.
 */
function chunkCodes(nItems: number, nPatterns: number, start: Int32Array, split: Int32Array, items: Int32Array): Uint8Array {
  const nChunks = chunkCount(nItems);
  const codes = new Uint8Array(nPatterns * nChunks);
  for (let p = 0; p < nPatterns; p++) {
    for (let k = start[p]!; k < split[p]!; k++) {
      const j = items[k]!;
      codes[p * nChunks + (j >> 3)]! |= 1 << (j & 7);
    }
  }
  return codes;
}

function samePattern(p: number, start: Int32Array, split: Int32Array, items: Int32Array, right: Int32Array, nr: number, wrong: Int32Array, nw: number): boolean {
  const s = start[p]!;
  const mid = split[p]!;
  const e = start[p + 1]!;
  if (mid - s !== nr || e - mid !== nw) return false;
  for (let k = 0; k < nr; k++) if (items[s + k] !== right[k]) return false;
  for (let k = 0; k < nw; k++) if (items[mid + k] !== wrong[k]) return false;
  return true;
}
