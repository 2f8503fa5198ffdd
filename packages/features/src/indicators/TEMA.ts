import { NumericIndicatorBase } from './IndicatorBase.js';
import { requireInteger } from './parameters.js';
import { SeededAverage, type SeededAverageState, seededAverageBatch } from './SeededAverage.js';

export interface TEMAState {
  period: number;
  first: SeededAverageState;
  second: SeededAverageState;
  third: SeededAverageState;
  fed: number;
  canUndo: boolean;
}

/**
 * Triple exponential moving average (Mulloy 1994): TEMA = 3·E1 − 3·E2 + E3 with E1 = EMA(x),
 * E2 = EMA(E1), E3 = EMA(E2), each seeded with the SMA of its first `period` inputs.
 * Warm-up: 3·period − 2 inputs.
 * @see https://en.wikipedia.org/wiki/Triple_exponential_moving_average
 */
export class TEMA extends NumericIndicatorBase<number> {
  readonly period: number;
  #first: SeededAverage;
  #second: SeededAverage;
  #third: SeededAverage;
  /** How many of the three EMAs the last step pushed into (so `restore` undoes exactly those). */
  #fed = 0;

  constructor(period: number) {
    super();
    this.period = requireInteger('period', period, 1);
    this.#first = new SeededAverage(period, false);
    this.#second = new SeededAverage(period, false);
    this.#third = new SeededAverage(period, false);
  }

  add(value: number): number | null {
    this.canUndo = true;
    this.#fed = 1;
    const e1 = this.#first.push(value);
    if (Number.isNaN(e1)) return null;
    this.#fed = 2;
    const e2 = this.#second.push(e1);
    if (Number.isNaN(e2)) return null;
    this.#fed = 3;
    const e3 = this.#third.push(e2);
    if (Number.isNaN(e3)) return null;
    this.value = 3 * e1 - 3 * e2 + e3;
    this.stable = true;
    return this.value;
  }

  protected restore(): void {
    this.#first.undo();
    if (this.#fed >= 2) this.#second.undo();
    if (this.#fed === 3) this.#third.undo();
  }

  getRequiredInputs(): number {
    return 3 * this.period - 2;
  }

  reset(): void {
    this.#first.reset();
    this.#second.reset();
    this.#third.reset();
    this.#fed = 0;
    this.result = null;
    this.canUndo = false;
  }

  getState(): TEMAState {
    return {
      period: this.period,
      first: this.#first.getState(),
      second: this.#second.getState(),
      third: this.#third.getState(),
      fed: this.#fed,
      canUndo: this.canUndo,
    };
  }

  static fromState(state: TEMAState): TEMA {
    const tema = new TEMA(state.period);
    tema.#first = SeededAverage.fromState(state.first, state.period, false);
    tema.#second = SeededAverage.fromState(state.second, state.period, false);
    tema.#third = SeededAverage.fromState(state.third, state.period, false);
    tema.#fed = state.fed;
    tema.canUndo = state.canUndo;
    const e3 = tema.#third.value;
    if (!Number.isNaN(e3)) tema.result = 3 * tema.#first.value - 3 * tema.#second.value + e3;
    return tema;
  }

  /** Batch form: NaN for the first 3·period − 3 slots. */
  static fromBatch(values: Float64Array, period: number): Float64Array {
    requireInteger('period', period, 1);
    const e1 = seededAverageBatch(values, period, false);
    const e2 = seededAverageBatch(e1, period, false, period - 1);
    const e3 = seededAverageBatch(e2, period, false, 2 * period - 2);
    for (let i = 0; i < e1.length; i++) e1[i] = 3 * (e1[i] as number) - 3 * (e2[i] as number) + (e3[i] as number);
    return e1;
  }
}
