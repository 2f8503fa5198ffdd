import { InvalidArgumentError } from '../InvalidArgumentError.js';

/**
 * Streaming EWMA volatility of returns (RiskMetrics): σ²_t = λ·σ²_{t−1} + (1 − λ)·r²_t, seeded with
 * the first squared return and assuming a zero mean return. O(1) per update, no allocation.
 * Feed it per-bar returns (log or simple); `getResult()` is the per-bar σ, or null while warming up.
 *
 * @see J.P. Morgan/Reuters, "RiskMetrics — Technical Document" (1996), §5.2.1; λ = 0.94 for daily data.
 */
export class EwmaVolatility {
  readonly #lambda: number;
  readonly #warmUp: number;
  #variance = 0;
  #count = 0;

  /**
   * @param decay λ in (0, 1): weight of the previous variance (0.94 in RiskMetrics).
   * @param warmUp returns to see before a result is reported (>= 1).
   */
  constructor(decay = 0.94, warmUp = 1) {
    if (!(decay > 0 && decay < 1)) throw new InvalidArgumentError({ argument: 'decay', expected: 'a number in (0, 1)', received: decay });
    if (!(Number.isInteger(warmUp) && warmUp >= 1)) throw new InvalidArgumentError({ argument: 'warmUp', expected: 'an integer >= 1', received: warmUp });
    this.#lambda = decay;
    this.#warmUp = warmUp;
  }

  /** True once `warmUp` returns have been added. */
  get isStable(): boolean {
    return this.#count >= this.#warmUp;
  }

  /** Adds one return; a non-finite return is ignored (bad bar) and the current result is returned. */
  add(periodReturn: number): number | null {
    if (Number.isFinite(periodReturn)) {
      const squared = periodReturn * periodReturn;
      this.#variance = this.#count === 0 ? squared : this.#lambda * this.#variance + (1 - this.#lambda) * squared;
      this.#count++;
    }
    return this.getResult();
  }

  /** Per-bar volatility σ_t, or null while warming up. */
  getResult(): number | null {
    return this.isStable ? Math.sqrt(this.#variance) : null;
  }

  reset(): void {
    this.#variance = 0;
    this.#count = 0;
  }
}
