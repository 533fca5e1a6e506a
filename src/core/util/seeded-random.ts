/**
 * A seeded pseudo-random generator, so that everything random in the core is reproducible:
 * the same seed gives the same form, the same shuffles.
 *
 * Seed strings are hashed with FNV-1a (32-bit); numbers come from mulberry32:
 *   t += 0x6D2B79F5; r = (t ^ t >>> 15) * (t | 1); r ^= r + (r ^ r >>> 7) * (r | 61); return (r ^ r >>> 14) / 2^32
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** A new array with the elements of `list` in random order (Fisher–Yates). */
  shuffle<T>(list: readonly T[]): T[];
}

export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function seededRandom(seed: string | number): Random {
  let t = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
  const next = () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), t | 1);
    r ^= r + Math.imul(r ^ (r >>> 7), r | 61);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const shuffle = <T,>(list: readonly T[]): T[] => {
    const a = list.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [a[i], a[j]] = [a[j] as T, a[i] as T];
    }
    return a;
  };
  return { next, int, shuffle };
}
