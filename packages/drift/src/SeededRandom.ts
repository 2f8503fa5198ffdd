import { InvalidArgumentError } from './InvalidArgumentError.js';
import { cos, floor, imul, log, sqrt } from './math.js';

const TWO_PI = 2 * Math.PI;

/**
 * A small seeded PRNG (mulberry32: one 32-bit word of state, period 2^32) with uniform, integer and
 * Gaussian draws. Deterministic: the same seed gives the same sequence on every platform.
 * Good enough for sampling and synthetic test streams; not for cryptography.
 * @see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c (mulberry32)
 */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) {
      throw new InvalidArgumentError({ argument: 'seed', message: `Invalid "seed": expected an integer, received "${seed}".` });
    }
    this.#state = seed >>> 0;
  }

  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = imul(this.#state ^ (this.#state >>> 15), 1 | this.#state);
    t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  nextInt(n: number): number {
    return floor(this.next() * n);
  }

  /** 1 with probability p, else 0. */
  nextBernoulli(p: number): number {
    return this.next() < p ? 1 : 0;
  }

  /**
   * Normal(mean, sd) by the Box–Muller transform (one draw per pair of uniforms, so no hidden state).
   * @see G. E. P. Box, M. E. Muller, "A Note on the Generation of Random Normal Deviates", 1958.
   */
  nextGaussian(mean = 0, sd = 1): number {
    const u1 = 1 - this.next(); // (0, 1]: log stays finite
    const u2 = this.next();
    return mean + sd * sqrt(-2 * log(u1)) * cos(TWO_PI * u2);
  }

  /** The generator's whole state: `SeededRandom.fromState(s)` continues the same sequence. */
  getState(): number {
    return this.#state;
  }

  static fromState(state: number): SeededRandom {
    return new SeededRandom(state);
  }
}
