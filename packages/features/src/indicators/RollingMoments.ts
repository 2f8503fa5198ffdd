import { type JsonNumber, fromJsonArray, toJsonArray } from './jsonNumbers.js';

export interface RollingMomentsState {
  values: JsonNumber[];
  index: number;
  count: number;
  shift: number;
  s1: number;
  s2: number;
  undo: { index: number; count: number; shift: number; s1: number; s2: number; dropped: JsonNumber };
}

/**
 * Rolling mean and variance of the last `period` values in O(1) amortized.
 *
 * Sums of x and x² lose all precision when the mean is large against the spread (prices), so the sums
 * are kept of `x - shift` where `shift` is the window mean at the last re-summation. As in
 * {@link RollingSum}, the window is re-summed each time the ring wraps (every `period` inputs), which
 * both bounds the add/subtract drift and re-centres `shift`. Batch forms drive this same class, so
 * streaming and batch agree bitwise.
 * @see https://en.wikipedia.org/wiki/Algorithms_for_calculating_variance#Computing_shifted_data
 */
export class RollingMoments {
  readonly period: number;
  readonly values: Float64Array;
  #index = 0;
  #count = 0;
  #shift = 0;
  #s1 = 0;
  #s2 = 0;
  #undoIndex = 0;
  #undoCount = 0;
  #undoShift = 0;
  #undoS1 = 0;
  #undoS2 = 0;
  #undoDropped = 0;

  constructor(period: number) {
    this.period = period;
    this.values = new Float64Array(period);
  }

  get isFull(): boolean {
    return this.#count === this.period;
  }

  /** Mean of the window (valid once full). */
  get mean(): number {
    return this.#shift + this.#s1 / this.period;
  }

  /** Sum of squared deviations from the mean, clamped at 0 against rounding. */
  get sumSquaredDeviations(): number {
    const m2 = this.#s2 - (this.#s1 * this.#s1) / this.period;
    return Math.max(m2, 0);
  }

  push(value: number): void {
    const period = this.period;
    const values = this.values;
    const index = this.#index;
    const dropped = values[index] as number;
    this.#undoIndex = index;
    this.#undoCount = this.#count;
    this.#undoShift = this.#shift;
    this.#undoS1 = this.#s1;
    this.#undoS2 = this.#s2;
    this.#undoDropped = dropped;
    const shift = this.#shift;
    const d = value - shift;
    let s1 = this.#s1 + d;
    let s2 = this.#s2 + d * d;
    if (this.#count === period) {
      const e = dropped - shift;
      s1 -= e;
      s2 -= e * e;
    } else this.#count++;
    values[index] = value;
    if (index + 1 === period) {
      this.#index = 0;
      if (this.#count === period) {
        let sum = 0;
        for (let j = 0; j < period; j++) sum += values[j] as number;
        const mean = sum / period;
        s1 = 0;
        s2 = 0;
        for (let j = 0; j < period; j++) {
          const dj = (values[j] as number) - mean;
          s1 += dj;
          s2 += dj * dj;
        }
        this.#shift = mean;
      }
    } else this.#index = index + 1;
    this.#s1 = s1;
    this.#s2 = s2;
  }

  undo(): void {
    this.values[this.#undoIndex] = this.#undoDropped;
    this.#index = this.#undoIndex;
    this.#count = this.#undoCount;
    this.#shift = this.#undoShift;
    this.#s1 = this.#undoS1;
    this.#s2 = this.#undoS2;
  }

  reset(): void {
    this.values.fill(0);
    this.#index = 0;
    this.#count = 0;
    this.#shift = 0;
    this.#s1 = 0;
    this.#s2 = 0;
  }

  getState(): RollingMomentsState {
    return {
      values: toJsonArray(this.values),
      index: this.#index,
      count: this.#count,
      shift: this.#shift,
      s1: this.#s1,
      s2: this.#s2,
      undo: {
        index: this.#undoIndex,
        count: this.#undoCount,
        shift: this.#undoShift,
        s1: this.#undoS1,
        s2: this.#undoS2,
        dropped: this.#undoDropped,
      },
    };
  }

  static fromState(state: RollingMomentsState): RollingMoments {
    const m = new RollingMoments(state.values.length);
    m.values.set(fromJsonArray(state.values));
    m.#index = state.index;
    m.#count = state.count;
    m.#shift = state.shift;
    m.#s1 = state.s1;
    m.#s2 = state.s2;
    m.#undoIndex = state.undo.index;
    m.#undoCount = state.undo.count;
    m.#undoShift = state.undo.shift;
    m.#undoS1 = state.undo.s1;
    m.#undoS2 = state.undo.s2;
    m.#undoDropped = state.undo.dropped ?? Number.NaN;
    return m;
  }
}
