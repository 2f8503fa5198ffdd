import type { DeviationKind } from './BollingerBands.js';
import { batchOf } from './batch.js';
import { NumericIndicatorBase } from './IndicatorBase.js';
import { requireInteger, requireNumber, requireOneOf } from './parameters.js';
import { RollingMoments, type RollingMomentsState } from './RollingMoments.js';

export interface RealizedVolatilityOptions {
  /** Number of log returns in the window. Default 24. */
  period?: number;
  /** Bars per year for annualization; see `periodsPerYear('1h')` = 8760. Default 8760 (1h, 24/7). */
  periodsPerYear?: number;
  /** Default 'sample' (÷ n − 1), the usual estimator of return volatility. */
  deviation?: DeviationKind;
}

export interface RealizedVolatilityState {
  period: number;
  periodsPerYear: number;
  deviation: DeviationKind;
  previous: number | null;
  undoPrevious: number | null;
  moments: RollingMomentsState;
  canUndo: boolean;
}

/**
 * Annualized rolling realized volatility: σ(ln(c_t / c_{t−1}) over `period` returns) · √periodsPerYear.
 * Warm-up: period + 1 prices.
 * @see https://en.wikipedia.org/wiki/Volatility_(finance)#Mathematical_definition
 */
export class RealizedVolatility extends NumericIndicatorBase<number> {
  readonly period: number;
  readonly periodsPerYear: number;
  readonly deviation: DeviationKind;
  readonly #scale: number;
  #previous = Number.NaN;
  #undoPrevious = Number.NaN;
  #moments: RollingMoments;

  constructor(options: RealizedVolatilityOptions = {}) {
    super();
    const { period = 24, periodsPerYear = 8760, deviation = 'sample' } = options;
    this.period = requireInteger('period', period, 2);
    this.periodsPerYear = requireNumber('periodsPerYear', periodsPerYear, { min: 0, exclusiveMin: true });
    this.deviation = requireOneOf('deviation', deviation, ['population', 'sample']);
    this.#scale = periodsPerYear / (deviation === 'sample' ? period - 1 : period);
    this.#moments = new RollingMoments(period);
  }

  add(value: number): number | null {
    this.canUndo = true;
    // Undo information for `replace` (saving again after a restore stores the same state).
    this.#undoPrevious = this.#previous;
    const previous = this.#previous;
    this.#previous = value;
    if (Number.isNaN(previous)) return null;
    this.#moments.push(Math.log(value / previous));
    if (!this.#moments.isFull) return null;
    return this.#publish();
  }

  #publish(): number {
    this.value = Math.sqrt(this.#moments.sumSquaredDeviations * this.#scale);
    this.stable = true;
    return this.value;
  }

  protected restore(): void {
    if (!Number.isNaN(this.#undoPrevious)) this.#moments.undo();
    this.#previous = this.#undoPrevious;
  }

  getRequiredInputs(): number {
    return this.period + 1;
  }

  reset(): void {
    this.#previous = Number.NaN;
    this.#moments.reset();
    this.result = null;
    this.canUndo = false;
  }

  getState(): RealizedVolatilityState {
    const json = (v: number): number | null => (Number.isNaN(v) ? null : v);
    return {
      period: this.period,
      periodsPerYear: this.periodsPerYear,
      deviation: this.deviation,
      previous: json(this.#previous),
      undoPrevious: json(this.#undoPrevious),
      moments: this.#moments.getState(),
      canUndo: this.canUndo,
    };
  }

  static fromState(state: RealizedVolatilityState): RealizedVolatility {
    const vol = new RealizedVolatility(state);
    vol.#previous = state.previous ?? Number.NaN;
    vol.#undoPrevious = state.undoPrevious ?? Number.NaN;
    vol.#moments = RollingMoments.fromState(state.moments);
    vol.canUndo = state.canUndo;
    if (vol.#moments.isFull) vol.#publish();
    return vol;
  }

  /** Batch form (drives the streaming step): NaN for the first `period` slots. */
  static fromBatch(values: Float64Array, options: RealizedVolatilityOptions = {}): Float64Array {
    return batchOf(new RealizedVolatility(options), values);
  }
}
