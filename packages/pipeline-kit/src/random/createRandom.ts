/** A source of uniform numbers in [0, 1), like `Math.random` but reproducible. */
export type Random = () => number;

/**
 * A seeded PRNG: Mulberry32 (Tommy Ettinger, public domain), 32 bits of state, period 2^32. Small and
 * fast, and good enough for jitter, shuffles and Monte Carlo paths; not for cryptography. The same
 * seed always gives the same sequence, on every platform. Seeds are taken modulo 2^32.
 * @see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 */
export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`Invalid "seed": expected a safe integer, received "${seed}".`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let z = Math.imul(state ^ (state >>> 15), state | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}
