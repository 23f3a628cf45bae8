/**
 * A small seeded pseudo-random generator (mulberry32) with the helpers the data generator needs.
 * Deterministic for a seed, so a test or a demo can name its data set by a number.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One element of a non-empty list, weighted by `weight`. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
}

/** Creates a mulberry32 generator for `seed` (any integer; only the low 32 bits count). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  const weighted = <T>(items: readonly T[], weight: (item: T) => number): T => {
    let total = 0;
    for (const item of items) total += weight(item);
    let target = next() * total;
    for (const item of items) {
      target -= weight(item);
      if (target < 0) return item;
    }
    return pick(items);
  };
  return { next, int, chance: (p) => next() < p, pick, weighted };
}
