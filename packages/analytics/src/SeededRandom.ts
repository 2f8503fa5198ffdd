import { InvalidArgumentError } from './InvalidArgumentError.js';

/**
 * A 32-bit integer hash (the splitmix-style xor-shift-multiply finalizer): spreads a seed over all
 * bits, so neighbouring seeds (1, 2, 3) start unrelated streams.
 * @see https://github.com/skeeto/hash-prospector (two-round 32-bit mixers)
 */
function mixSeed(seed: number): number {
  let z = (seed + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/**
 * The package's only source of randomness: mulberry32 (one 32-bit word of state, period 2^32).
 *
 * Seed convention: any integer; it is reduced modulo 2^32 and mixed once (splitmix32-style), so
 * `new SeededRandom(s)` gives the same sequence on every platform and run. Every seeded function of
 * this package draws from one generator created from its `seed` option, in a documented order
 * (path by path, step by step), so the same inputs and seed always give the same output.
 * Good for simulation and sampling, not for cryptography.
 * @see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c (mulberry32)
 */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) {
      throw new InvalidArgumentError({ argument: 'seed', message: `Invalid "seed": expected an integer, received "${seed}".` });
    }
    this.#state = mixSeed(seed >>> 0);
  }

  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(this.#state ^ (this.#state >>> 15), 1 | this.#state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Normal(0, 1) by the Box–Muller transform (one draw per pair of uniforms, no hidden state). */
  nextGaussian(): number {
    const u1 = 1 - this.next(); // (0, 1]: log stays finite
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Fisher–Yates shuffle in place. */
  shuffle(values: Float64Array): Float64Array {
    for (let i = values.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const tmp = values[i] as number;
      values[i] = values[j] as number;
      values[j] = tmp;
    }
    return values;
  }
}
