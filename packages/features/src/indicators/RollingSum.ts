import { type JsonNumber, fromJsonArray, toJsonArray } from './jsonNumbers.js';

export interface RollingSumState {
  values: JsonNumber[];
  index: number;
  count: number;
  sum: number;
  undo: { index: number; count: number; sum: number; dropped: JsonNumber };
}

/**
 * Sum of the last `period` values in O(1): a ring buffer and a running sum (add the new value, subtract
 * the dropped one). Add/subtract accumulates rounding drift, so each time the ring wraps around
 * (every `period` inputs once full) the sum is recomputed from the window in order. The batch forms
 * follow exactly the same schedule ({@link rollingSumBatch}), so streaming and batch are bitwise equal.
 * Amortized cost: one extra addition per input.
 */
export class RollingSum {
  readonly period: number;
  readonly values: Float64Array;
  #index = 0;
  #count = 0;
  #sum = 0;
  #undoIndex = 0;
  #undoCount = 0;
  #undoSum = 0;
  #undoDropped = 0;

  constructor(period: number) {
    this.period = period;
    this.values = new Float64Array(period);
  }

  get sum(): number {
    return this.#sum;
  }

  get isFull(): boolean {
    return this.#count === this.period;
  }

  /** The value `lag` inputs ago (0 = the newest); `lag` must be < count. */
  at(lag: number): number {
    let i = this.#index - 1 - lag;
    if (i < 0) i += this.period;
    return this.values[i] as number;
  }

  push(value: number): number {
    const period = this.period;
    const values = this.values;
    const index = this.#index;
    const dropped = values[index] as number;
    this.#undoIndex = index;
    this.#undoCount = this.#count;
    this.#undoSum = this.#sum;
    this.#undoDropped = dropped;
    let sum = this.#sum + value;
    if (this.#count === period) sum -= dropped;
    else this.#count++;
    values[index] = value;
    if (index + 1 === period) {
      this.#index = 0;
      if (this.#count === period) {
        sum = 0;
        for (let j = 0; j < period; j++) sum += values[j] as number;
      }
    } else this.#index = index + 1;
    this.#sum = sum;
    return sum;
  }

  /** Undoes the last `push` (one level). */
  undo(): void {
    this.values[this.#undoIndex] = this.#undoDropped;
    this.#index = this.#undoIndex;
    this.#count = this.#undoCount;
    this.#sum = this.#undoSum;
  }

  reset(): void {
    this.values.fill(0);
    this.#index = 0;
    this.#count = 0;
    this.#sum = 0;
  }

  getState(): RollingSumState {
    return {
      values: toJsonArray(this.values),
      index: this.#index,
      count: this.#count,
      sum: this.#sum,
      undo: { index: this.#undoIndex, count: this.#undoCount, sum: this.#undoSum, dropped: this.#undoDropped },
    };
  }

  static fromState(state: RollingSumState): RollingSum {
    const rolling = new RollingSum(state.values.length);
    rolling.values.set(fromJsonArray(state.values));
    rolling.#index = state.index;
    rolling.#count = state.count;
    rolling.#sum = state.sum;
    rolling.#undoIndex = state.undo.index;
    rolling.#undoCount = state.undo.count;
    rolling.#undoSum = state.undo.sum;
    rolling.#undoDropped = state.undo.dropped ?? Number.NaN;
    return rolling;
  }
}

/**
 * Batch twin of {@link RollingSum}: `out[i]` = (sum of `values[i - period + 1 .. i]`) / `divisor`, NaN before
 * `period` values, with the same add/subtract order and the same re-summation schedule.
 */
export function rollingSumBatch(values: Float64Array, period: number, divisor = 1): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  const warm = Math.min(n, period - 1);
  let sum = 0;
  for (let i = 0; i < warm; i++) {
    sum += values[i] as number;
    out[i] = Number.NaN;
  }
  if (n < period) return out;
  // The first full window: the streaming ring wraps here and re-sums in the same order (same value).
  sum += values[period - 1] as number;
  out[period - 1] = sum / divisor;
  // From here on the ring of the streaming form wraps every `period` inputs, and so does the re-summation here.
  let slot = 0;
  for (let i = period; i < n; i++) {
    sum += values[i] as number;
    sum -= values[i - period] as number;
    if (++slot === period) {
      slot = 0;
      sum = 0;
      for (let j = i - period + 1; j <= i; j++) sum += values[j] as number;
    }
    out[i] = sum / divisor;
  }
  return out;
}
