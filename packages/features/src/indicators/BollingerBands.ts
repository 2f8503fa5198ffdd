import { ObjectIndicatorBase } from './IndicatorBase.js';
import { requireInteger, requireNumber, requireOneOf } from './parameters.js';
import { RollingMoments, type RollingMomentsState } from './RollingMoments.js';

export interface BollingerBandsResult {
  /** SMA(period). */
  readonly middle: number;
  /** middle + multiplier · σ. */
  readonly upper: number;
  /** middle − multiplier · σ. */
  readonly lower: number;
  /** (x − lower) / (upper − lower); 0.5 when the bands have zero width. */
  readonly percentB: number;
  /** (upper − lower) / middle. */
  readonly bandwidth: number;
}

/** Which standard deviation: population (divide by n, Bollinger's own) or sample (n − 1). */
export type DeviationKind = 'population' | 'sample';

export interface BollingerBandsOptions {
  /** Window length. Default 20. */
  period?: number;
  /** Band width in standard deviations. Default 2. */
  multiplier?: number;
  /** Default 'population', as Bollinger specifies; 'sample' matches pandas' default `std()`. */
  deviation?: DeviationKind;
}

export interface BollingerBandsState {
  period: number;
  multiplier: number;
  deviation: DeviationKind;
  moments: RollingMomentsState;
  last: number | null;
  canUndo: boolean;
}

export interface BollingerBandsBatch {
  middle: Float64Array;
  upper: Float64Array;
  lower: Float64Array;
  percentB: Float64Array;
  bandwidth: Float64Array;
}

/**
 * Bollinger Bands: SMA(period) ± multiplier · σ over the same window, with %b and bandwidth.
 * Warm-up: `period` inputs. The result object is reused between calls.
 * @see https://school.stockcharts.com/doku.php?id=technical_indicators:bollinger_bands
 */
export class BollingerBands extends ObjectIndicatorBase<BollingerBandsResult, number> {
  readonly period: number;
  readonly multiplier: number;
  readonly deviation: DeviationKind;
  #moments: RollingMoments;
  #last = Number.NaN;
  #undoLast = Number.NaN;
  readonly #divisor: number;
  readonly #output = { middle: Number.NaN, upper: Number.NaN, lower: Number.NaN, percentB: Number.NaN, bandwidth: Number.NaN };

  constructor(options: BollingerBandsOptions = {}) {
    super();
    const { period = 20, multiplier = 2, deviation = 'population' } = options;
    this.deviation = requireOneOf('deviation', deviation, ['population', 'sample']);
    this.period = requireInteger('period', period, deviation === 'sample' ? 2 : 1);
    this.multiplier = requireNumber('multiplier', multiplier, { min: 0, exclusiveMin: true });
    this.#divisor = deviation === 'sample' ? period - 1 : period;
    this.#moments = new RollingMoments(period);
  }

  add(value: number): BollingerBandsResult | null {
    this.canUndo = true;
    // Undo information for `replace` (saving again after a restore stores the same state).
    this.#undoLast = this.#last;
    this.#last = value;
    this.#moments.push(value);
    if (!this.#moments.isFull) return null;
    return this.#publish(value);
  }

  #publish(value: number): BollingerBandsResult {
    const middle = this.#moments.mean;
    const offset = this.multiplier * Math.sqrt(this.#moments.sumSquaredDeviations / this.#divisor);
    const output = this.#output;
    output.middle = middle;
    output.upper = middle + offset;
    output.lower = middle - offset;
    const width = output.upper - output.lower;
    output.percentB = width > 0 ? (value - output.lower) / width : 0.5;
    output.bandwidth = width / middle;
    this.result = output;
    return output;
  }

  protected restore(): void {
    this.#moments.undo();
    this.#last = this.#undoLast;
  }

  getRequiredInputs(): number {
    return this.period;
  }

  reset(): void {
    this.#moments.reset();
    this.#last = Number.NaN;
    this.result = null;
    this.canUndo = false;
  }

  getState(): BollingerBandsState {
    return {
      period: this.period,
      multiplier: this.multiplier,
      deviation: this.deviation,
      moments: this.#moments.getState(),
      last: Number.isNaN(this.#last) ? null : this.#last,
      canUndo: this.canUndo,
    };
  }

  static fromState(state: BollingerBandsState): BollingerBands {
    const bands = new BollingerBands(state);
    bands.#moments = RollingMoments.fromState(state.moments);
    bands.#last = state.last ?? Number.NaN;
    bands.canUndo = state.canUndo;
    if (bands.#moments.isFull) bands.#publish(bands.#last);
    return bands;
  }

  /** Batch form: five arrays, NaN for the first period − 1 slots. */
  static fromBatch(values: Float64Array, options: BollingerBandsOptions = {}): BollingerBandsBatch {
    const bands = new BollingerBands(options);
    const n = values.length;
    const middle = new Float64Array(n);
    const upper = new Float64Array(n);
    const lower = new Float64Array(n);
    const percentB = new Float64Array(n);
    const bandwidth = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = bands.add(values[i] as number);
      if (r === null) {
        middle[i] = upper[i] = lower[i] = percentB[i] = bandwidth[i] = Number.NaN;
        continue;
      }
      middle[i] = r.middle;
      upper[i] = r.upper;
      lower[i] = r.lower;
      percentB[i] = r.percentB;
      bandwidth[i] = r.bandwidth;
    }
    return { middle, upper, lower, percentB, bandwidth };
  }
}
