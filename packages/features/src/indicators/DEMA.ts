import { NumericIndicatorBase } from './IndicatorBase.js';
import { requireInteger } from './parameters.js';
import { SeededAverage, type SeededAverageState, seededAverageBatch } from './SeededAverage.js';

export interface DEMAState {
  period: number;
  first: SeededAverageState;
  second: SeededAverageState;
  fedSecond: boolean;
  canUndo: boolean;
}

/**
 * Double exponential moving average (Mulloy 1994): DEMA = 2·EMA(x) − EMA(EMA(x)). Each EMA is seeded
 * with the SMA of its first `period` inputs; the second starts when the first is ready.
 * Warm-up: 2·period − 1 inputs.
 * @see https://en.wikipedia.org/wiki/Double_exponential_moving_average
 */
export class DEMA extends NumericIndicatorBase<number> {
  readonly period: number;
  #first: SeededAverage;
  #second: SeededAverage;
  /** Whether the last step pushed into the second EMA (so `restore` must undo it). */
  #fedSecond = false;

  constructor(period: number) {
    super();
    this.period = requireInteger('period', period, 1);
    this.#first = new SeededAverage(period, false);
    this.#second = new SeededAverage(period, false);
  }

  add(value: number): number | null {
    this.canUndo = true;
    const e1 = this.#first.push(value);
    this.#fedSecond = !Number.isNaN(e1);
    if (!this.#fedSecond) return null;
    const e2 = this.#second.push(e1);
    if (Number.isNaN(e2)) return null;
    this.value = 2 * e1 - e2;
    this.stable = true;
    return this.value;
  }

  protected restore(): void {
    this.#first.undo();
    if (this.#fedSecond) this.#second.undo();
  }

  getRequiredInputs(): number {
    return 2 * this.period - 1;
  }

  reset(): void {
    this.#first.reset();
    this.#second.reset();
    this.#fedSecond = false;
    this.result = null;
    this.canUndo = false;
  }

  getState(): DEMAState {
    return {
      period: this.period,
      first: this.#first.getState(),
      second: this.#second.getState(),
      fedSecond: this.#fedSecond,
      canUndo: this.canUndo,
    };
  }

  static fromState(state: DEMAState): DEMA {
    const dema = new DEMA(state.period);
    dema.#first = SeededAverage.fromState(state.first, state.period, false);
    dema.#second = SeededAverage.fromState(state.second, state.period, false);
    dema.#fedSecond = state.fedSecond;
    dema.canUndo = state.canUndo;
    const e2 = dema.#second.value;
    if (!Number.isNaN(e2)) dema.result = 2 * dema.#first.value - e2;
    return dema;
  }

  /** Batch form: NaN for the first 2·period − 2 slots. */
  static fromBatch(values: Float64Array, period: number): Float64Array {
    requireInteger('period', period, 1);
    const e1 = seededAverageBatch(values, period, false);
    const e2 = seededAverageBatch(e1, period, false, period - 1);
    for (let i = 0; i < e1.length; i++) e1[i] = 2 * (e1[i] as number) - (e2[i] as number);
    return e1;
  }
}
