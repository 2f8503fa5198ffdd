import { NumericIndicatorBase } from './IndicatorBase.js';
import { type JsonNumber, fromJsonArray, toJsonArray } from './jsonNumbers.js';
import { requireInteger } from './parameters.js';

export interface WMAState {
  period: number;
  values: JsonNumber[];
  index: number;
  count: number;
  sum: number;
  numerator: number;
  undo: { index: number; count: number; sum: number; numerator: number; dropped: JsonNumber };
  canUndo: boolean;
}

/**
 * Linearly weighted moving average: weights 1..period, newest heaviest,
 * WMA = Σ w_i x_i / (period (period + 1) / 2). Warm-up: `period` inputs.
 *
 * O(1): numerator' = numerator + period * x - sum (sum of the previous window), sum' = sum + x - dropped.
 * Both are recomputed from the window each time the ring wraps (bounds the drift), in batch too.
 * @see https://en.wikipedia.org/wiki/Moving_average#Weighted_moving_average
 */
export class WMA extends NumericIndicatorBase<number> {
  readonly period: number;
  readonly #divisor: number;
  readonly #values: Float64Array;
  #index = 0;
  #count = 0;
  #sum = 0;
  #numerator = 0;
  #undoIndex = 0;
  #undoCount = 0;
  #undoSum = 0;
  #undoNumerator = 0;
  #undoDropped = 0;

  constructor(period: number) {
    super();
    this.period = requireInteger('period', period, 1);
    this.#divisor = (period * (period + 1)) / 2;
    this.#values = new Float64Array(period);
  }

  add(value: number): number | null {
    this.canUndo = true;
    // Undo information for `replace` (saving again after a restore stores the same state).
    this.#undoIndex = this.#index;
    this.#undoCount = this.#count;
    this.#undoSum = this.#sum;
    this.#undoNumerator = this.#numerator;
    this.#undoDropped = this.#values[this.#index] as number;
    const period = this.period;
    const values = this.#values;
    const index = this.#index;
    if (this.#count === period) {
      this.#numerator = this.#numerator + period * value - this.#sum;
      this.#sum = this.#sum + value - (values[index] as number);
    } else {
      this.#sum += value;
      this.#count++;
    }
    values[index] = value;
    if (index + 1 === period) {
      this.#index = 0;
      // The ring wraps: recompute from the window, oldest (slot 0) to newest. Always full here.
      let sum = 0;
      let numerator = 0;
      for (let j = 0; j < period; j++) {
        const v = values[j] as number;
        sum += v;
        numerator += (j + 1) * v;
      }
      this.#sum = sum;
      this.#numerator = numerator;
    } else this.#index = index + 1;
    if (this.#count < period) return null;
    this.value = this.#numerator / this.#divisor;
    this.stable = true;
    return this.value;
  }

  protected restore(): void {
    this.#values[this.#undoIndex] = this.#undoDropped;
    this.#index = this.#undoIndex;
    this.#count = this.#undoCount;
    this.#sum = this.#undoSum;
    this.#numerator = this.#undoNumerator;
  }

  getRequiredInputs(): number {
    return this.period;
  }

  reset(): void {
    this.#values.fill(0);
    this.#index = 0;
    this.#count = 0;
    this.#sum = 0;
    this.#numerator = 0;
    this.result = null;
    this.canUndo = false;
  }

  getState(): WMAState {
    return {
      period: this.period,
      values: toJsonArray(this.#values),
      index: this.#index,
      count: this.#count,
      sum: this.#sum,
      numerator: this.#numerator,
      undo: {
        index: this.#undoIndex,
        count: this.#undoCount,
        sum: this.#undoSum,
        numerator: this.#undoNumerator,
        dropped: this.#undoDropped,
      },
      canUndo: this.canUndo,
    };
  }

  static fromState(state: WMAState): WMA {
    const wma = new WMA(state.period);
    wma.#values.set(fromJsonArray(state.values));
    wma.#index = state.index;
    wma.#count = state.count;
    wma.#sum = state.sum;
    wma.#numerator = state.numerator;
    wma.#undoIndex = state.undo.index;
    wma.#undoCount = state.undo.count;
    wma.#undoSum = state.undo.sum;
    wma.#undoNumerator = state.undo.numerator;
    wma.#undoDropped = state.undo.dropped ?? Number.NaN;
    wma.canUndo = state.canUndo;
    if (wma.#count === wma.period) wma.result = wma.#numerator / wma.#divisor;
    return wma;
  }

  /** Batch form: same operations and re-summation schedule as streaming. NaN for the first `period - 1` slots. */
  static fromBatch(values: Float64Array, period: number): Float64Array {
    requireInteger('period', period, 1);
    const n = values.length;
    const out = new Float64Array(n).fill(Number.NaN);
    const divisor = (period * (period + 1)) / 2;
    let sum = 0;
    let numerator = 0;
    let slot = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      if (i >= period) {
        numerator = numerator + period * v - sum;
        sum = sum + v - (values[i - period] as number);
      } else sum += v;
      if (++slot === period) {
        slot = 0;
        sum = 0;
        numerator = 0;
        for (let j = 0; j < period; j++) {
          const w = values[i - period + 1 + j] as number;
          sum += w;
          numerator += (j + 1) * w;
        }
      }
      if (i >= period - 1) out[i] = numerator / divisor;
    }
    return out;
  }
}
