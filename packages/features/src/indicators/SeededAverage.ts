export interface SeededAverageState {
  count: number;
  sum: number;
  value: number | null;
  undo: { count: number; sum: number; value: number | null };
}

/**
 * Exponential smoothing seeded with the simple mean of its first `period` inputs; the engine of EMA,
 * Wilder's smoothing (RMA) and everything built on them. `push` returns NaN while warming up.
 *
 * - EMA (`wilder = false`): alpha = 2 / (period + 1), value += alpha * (x - value).
 * - Wilder (`wilder = true`): value = (value * (period - 1) + x) / period, Wilder's own form (alpha = 1/period).
 * @see J. Welles Wilder, New Concepts in Technical Trading Systems (1978), the smoothing used by RSI and ATR.
 */
export class SeededAverage {
  readonly period: number;
  readonly wilder: boolean;
  readonly #alpha: number;
  #count = 0;
  #sum = 0;
  #value = Number.NaN;
  #undoCount = 0;
  #undoSum = 0;
  #undoValue = Number.NaN;

  constructor(period: number, wilder: boolean) {
    this.period = period;
    this.wilder = wilder;
    this.#alpha = 2 / (period + 1);
  }

  /** The current value, NaN while warming up. */
  get value(): number {
    return this.#value;
  }

  push(x: number): number {
    this.#undoCount = this.#count;
    this.#undoSum = this.#sum;
    this.#undoValue = this.#value;
    const period = this.period;
    if (this.#count < period) {
      this.#sum += x;
      if (++this.#count === period) this.#value = this.#sum / period;
    } else if (this.wilder) {
      this.#value = (this.#value * (period - 1) + x) / period;
    } else {
      this.#value += this.#alpha * (x - this.#value);
    }
    return this.#value;
  }

  undo(): void {
    this.#count = this.#undoCount;
    this.#sum = this.#undoSum;
    this.#value = this.#undoValue;
  }

  reset(): void {
    this.#count = 0;
    this.#sum = 0;
    this.#value = Number.NaN;
  }

  getState(): SeededAverageState {
    const json = (v: number): number | null => (Number.isNaN(v) ? null : v);
    return {
      count: this.#count,
      sum: this.#sum,
      value: json(this.#value),
      undo: { count: this.#undoCount, sum: this.#undoSum, value: json(this.#undoValue) },
    };
  }

  static fromState(state: SeededAverageState, period: number, wilder: boolean): SeededAverage {
    const average = new SeededAverage(period, wilder);
    average.#count = state.count;
    average.#sum = state.sum;
    average.#value = state.value ?? Number.NaN;
    average.#undoCount = state.undo.count;
    average.#undoSum = state.undo.sum;
    average.#undoValue = state.undo.value ?? Number.NaN;
    return average;
  }
}

/**
 * Batch twin of {@link SeededAverage} over `values[from..]` (earlier slots stay NaN): the same operations
 * in the same order, so results are bitwise equal to streaming.
 */
export function seededAverageBatch(values: Float64Array, period: number, wilder: boolean, from = 0): Float64Array {
  const n = values.length;
  const out = new Float64Array(n).fill(Number.NaN);
  const seedEnd = from + period - 1;
  if (seedEnd >= n) return out;
  let sum = 0;
  for (let i = from; i <= seedEnd; i++) sum += values[i] as number;
  let value = sum / period;
  out[seedEnd] = value;
  if (wilder) {
    const keep = period - 1;
    for (let i = seedEnd + 1; i < n; i++) {
      value = (value * keep + (values[i] as number)) / period;
      out[i] = value;
    }
  } else {
    const alpha = 2 / (period + 1);
    for (let i = seedEnd + 1; i < n; i++) {
      value += alpha * ((values[i] as number) - value);
      out[i] = value;
    }
  }
  return out;
}
