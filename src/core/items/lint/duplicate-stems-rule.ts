import type { Problem } from '../check-bank.ts';
import type { LintQuestion } from './lint-context.ts';
import { hashSeed } from '../../util/seeded-random.ts';

export interface DuplicateStemOptions {
  /** Near duplicates: Jaccard similarity of word shingles at or above this. */
  threshold: number;
  /** Words per shingle. */
  shingle: number;
  /** LSH bands x rows = number of MinHash functions. */
  bands: number;
  rows: number;
}

/**
 * 20 bands of 5 rows: a pair with Jaccard similarity s becomes a candidate with probability
 * 1 - (1 - s^5)^20, which is 0.9996 at s = 0.8 (the threshold) and 0.47 at s = 0.5; every candidate
 * is then checked exactly, so LSH only decides which pairs are compared, never the verdict.
 */
export const DEFAULT_DUPLICATE_STEMS: DuplicateStemOptions = { threshold: 0.8, shingle: 3, bands: 20, rows: 5 };

/** Lower-case words of a stem, punctuation dropped: two stems that differ only in case or punctuation are the same stem. */
export function stemWords(stem: string): string[] {
  return stem.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * The set of hashed word n-grams of a word list (the whole list as one shingle when shorter than n).
 * Each word is hashed once (FNV-1a) and a shingle's hash folds its words' hashes in order, so the
 * n-gram strings are never built.
 */
export function shingles(words: string[], n: number): Set<number> {
  const out = new Set<number>();
  if (words.length === 0) return out;
  const hashes = words.map(fnv1a);
  const fold = (from: number, to: number) => {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ hashes[i]!, 0x01000193);
    return fmix32(h);
  };
  if (words.length < n) out.add(fold(0, words.length));
  for (let i = 0; i + n <= words.length; i++) out.add(fold(i, i + n));
  return out;
}

/** Jaccard similarity |A ∩ B| / |A ∪ B| of two sets (1 for two empty sets). */
export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/**
 * MinHash signature: for each of k hash functions h_i, min over the set of h_i(x). For a random
 * h_i, P(min h_i(A) = min h_i(B)) = J(A, B), so signatures agreeing on a band of rows flag likely
 * near duplicates. h_i(x) = fmix32(x xor seed_i), with fixed seeds so results are reproducible.
 */
export function minHash(set: Set<number>, k: number): Uint32Array {
  const sig = new Uint32Array(k).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < k; i++) {
      const h = fmix32(x ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/**
 * Exact duplicate stems (same words, ignoring case and punctuation) are errors; near duplicates
 * (Jaccard similarity of word shingles >= threshold) are warnings. Candidates come from MinHash LSH,
 * so the cost grows with the number of stems, not with the number of pairs.
 */
export function duplicateStemsRule(questions: LintQuestion[], options: DuplicateStemOptions = DEFAULT_DUPLICATE_STEMS): Problem[] {
  const problems: Problem[] = [];
  const firstByText = new Map<string, number>();
  const exactOf = new Int32Array(questions.length).fill(-1);
  const sets: Set<number>[] = [];
  const where = (i: number) => {
    const lq = questions[i]!;
    const { line } = lq.locate(['stem']);
    return `${lq.question.id} (${lq.file}:${line})`;
  };

  questions.forEach((lq, i) => {
    const words = stemWords(lq.question.stem);
    const key = words.join(' ');
    const first = firstByText.get(key);
    if (first !== undefined) {
      exactOf[i] = first;
      problems.push(lq.problem(['stem'], 'error', 'duplicate-stem', `the same stem as ${where(first)}`));
    } else firstByText.set(key, i);
    sets.push(shingles(words, options.shingle));
  });

  const k = options.bands * options.rows;
  if (k > SEEDS.length) throw new Error(`duplicateStemsRule supports at most ${SEEDS.length} hash functions, got ${k}`);
  // Bucket key: band number and a hash of the band's rows. A hash collision only adds a candidate,
  // and every candidate is verified exactly.
  const buckets = new Map<number, number[]>();
  const candidates = new Set<number>();
  const n = questions.length;
  sets.forEach((set, i) => {
    if (exactOf[i] !== -1 || set.size === 0) return;
    const sig = minHash(set, k);
    for (let b = 0; b < options.bands; b++) {
      let h = 0x811c9dc5;
      for (let r = 0; r < options.rows; r++) h = Math.imul(h ^ sig[b * options.rows + r]!, 0x01000193);
      const key = b * 0x100000000 + fmix32(h);
      const bucket = buckets.get(key);
      if (bucket) {
        for (const j of bucket) candidates.add(j * n + i);
        bucket.push(i);
      } else buckets.set(key, [i]);
    }
  });

  // One warning per later stem, naming its most similar earlier stem.
  const best = new Map<number, { j: number; s: number }>();
  for (const pair of candidates) {
    const j = Math.floor(pair / n);
    const i = pair % n;
    const s = jaccard(sets[i]!, sets[j]!);
    if (s < options.threshold) continue;
    const prev = best.get(i);
    if (!prev || s > prev.s || (s === prev.s && j < prev.j)) best.set(i, { j, s });
  }
  for (const [i, { j, s }] of [...best].sort((x, y) => x[0] - y[0])) {
    problems.push(questions[i]!.problem(['stem'], 'warning', 'near-duplicate-stem', `stem is ${(s * 100).toFixed(0)}% similar to ${where(j)} (Jaccard of ${options.shingle}-word shingles)`));
  }
  return problems;
}

/** FNV-1a, 32 bits, over UTF-16 code units (the core's seed hash). */
export const fnv1a = hashSeed;

/** MurmurHash3's finalizer: a bijective avalanche mix of 32 bits. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: 256 }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b9)));
