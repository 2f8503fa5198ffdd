import { batchOf } from './batch.js';
import { NumericIndicatorBase } from './IndicatorBase.js';
import { requireInteger, requireNumber } from './parameters.js';

export interface EwmaVolatilityOptions {
  /** Decay λ in (0, 1). Default 0.94 (RiskMetrics, daily). */
  lambda?: number;
  /** Returns averaged (zero mean) to seed the variance. Default 20. */
  seedPeriod?: number;
  /** Bars per year for annualization. Default 8760 (1h, 24/7). */
  periodsPerYear?: number;
}

export interface EwmaVolatilityState {
  lambda: number;
  seedPeriod: number;
  periodsPerYear: number;
  previous: number | null;
  count: number;
  variance: number;
  undo: { previous: number | null; count: number; variance: number };
  canUndo: boolean;
}

/**
 * EWMA volatility (RiskMetrics 1996): σ²_t = λ σ²_{t−1} + (1 − λ) r²_t with log returns r and a zero mean,
 * seeded with the mean of the first `seedPeriod` squared returns; reported as √(σ² · periodsPerYear).
 * Warm-up: seedPeriod + 1 prices.
 * @see https://en.wikipedia.org/wiki/RiskMetrics
 */
export class EwmaVolatility extends NumericIndicatorBase<number> {
  readonly lambda: number;
  readonly seedPeriod: number;
  readonly periodsPerYear: number;
  #previous = Number.NaN;
  #count = 0;
  #variance = 0;
  #undoPrevious = Number.NaN;
  #undoCount = 0;
  #undoVariance = 0;

  constructor(options: EwmaVolatilityOptions = {}) {
    super();
    const { lambda = 0.94, seedPeriod = 20, periodsPerYear = 8760 } = options;
    this.lambda = requireNumber('lambda', lambda, { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true });
    this.seedPeriod = requireInteger('seedPeriod', seedPeriod, 1);
    this.periodsPerYear = requireNumber('periodsPerYear', periodsPerYear, { min: 0, exclusiveMin: true });
  }

  add(value: number): number | null {
    this.canUndo = true;
    // Undo information for `replace` (saving again after a restore stores the same state).
    this.#undoPrevious = this.#previous;
    this.#undoCount = this.#count;
    this.#undoVariance = this.#variance;
    const previous = this.#previous;
    this.#previous = value;
    if (Number.isNaN(previous)) return null;
    const r = Math.log(value / previous);
    if (this.#count < this.seedPeriod) {
      this.#variance += r * r;
      if (++this.#count < this.seedPeriod) return null;
      this.#variance /= this.seedPeriod;
    } else {
      this.#variance = this.lambda * this.#variance + (1 - this.lambda) * r * r;
    }
    this.value = Math.sqrt(this.#variance * this.periodsPerYear);
    this.stable = true;
    return this.value;
  }

  protected restore(): void {
    this.#previous = this.#undoPrevious;
    this.#count = this.#undoCount;
    this.#variance = this.#undoVariance;
  }

  getRequiredInputs(): number {
    return this.seedPeriod + 1;
  }

  reset(): void {
    this.#previous = Number.NaN;
    this.#count = 0;
    this.#variance = 0;
    this.result = null;
    this.canUndo = false;
  }

  getState(): EwmaVolatilityState {
    const json = (v: number): number | null => (Number.isNaN(v) ? null : v);
    return {
      lambda: this.lambda,
      seedPeriod: this.seedPeriod,
      periodsPerYear: this.periodsPerYear,
      previous: json(this.#previous),
      count: this.#count,
      variance: this.#variance,
      undo: { previous: json(this.#undoPrevious), count: this.#undoCount, variance: this.#undoVariance },
      canUndo: this.canUndo,
    };
  }

  static fromState(state: EwmaVolatilityState): EwmaVolatility {
    const vol = new EwmaVolatility(state);
    vol.#previous = state.previous ?? Number.NaN;
    vol.#count = state.count;
    vol.#variance = state.variance;
    vol.#undoPrevious = state.undo.previous ?? Number.NaN;
    vol.#undoCount = state.undo.count;
    vol.#undoVariance = state.undo.variance;
    vol.canUndo = state.canUndo;
    if (vol.#count === vol.seedPeriod) vol.result = Math.sqrt(vol.#variance * vol.periodsPerYear);
    return vol;
  }

  /** Batch form (drives the streaming step): NaN for the first `seedPeriod` slots. */
  static fromBatch(values: Float64Array, options: EwmaVolatilityOptions = {}): Float64Array {
    return batchOf(new EwmaVolatility(options), values);
  }
}
