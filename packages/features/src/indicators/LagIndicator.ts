import { NumericIndicatorBase } from './IndicatorBase.js';
import { type JsonNumber, fromJsonArray, toJsonArray } from './jsonNumbers.js';
import { requireInteger } from './parameters.js';

export interface LagIndicatorState {
  period: number;
  values: JsonNumber[];
  index: number;
  count: number;
  undo: { index: number; count: number; dropped: JsonNumber };
  result: JsonNumber;
  canUndo: boolean;
}

/**
 * Shared mechanics of indicators of the form f(x_t, x_{t−period}) (momentum, rate of change, returns):
 * a ring of the last `period` inputs. Warm-up: period + 1 inputs.
 */
export abstract class LagIndicator extends NumericIndicatorBase<number> {
  readonly period: number;
  readonly #values: Float64Array;
  #index = 0;
  #count = 0;
  #undoIndex = 0;
  #undoCount = 0;
  #undoDropped = 0;

  constructor(period: number) {
    super();
    this.period = requireInteger('period', period, 1);
    this.#values = new Float64Array(period);
  }

  /** The indicator's formula from the current and the lagged input. */
  protected abstract compute(current: number, lagged: number): number;

  add(value: number): number | null {
    this.canUndo = true;
    // Undo information for `replace` (saving again after a restore stores the same state).
    this.#undoIndex = this.#index;
    this.#undoCount = this.#count;
    this.#undoDropped = this.#values[this.#index] as number;
    const index = this.#index;
    const lagged = this.#values[index] as number;
    this.#values[index] = value;
    this.#index = index + 1 === this.period ? 0 : index + 1;
    if (this.#count < this.period) {
      this.#count++;
      return null;
    }
    this.value = this.compute(value, lagged);
    this.stable = true;
    return this.value;
  }

  protected restore(): void {
    this.#values[this.#undoIndex] = this.#undoDropped;
    this.#index = this.#undoIndex;
    this.#count = this.#undoCount;
  }

  getRequiredInputs(): number {
    return this.period + 1;
  }

  reset(): void {
    this.#values.fill(0);
    this.#index = 0;
    this.#count = 0;
    this.result = null;
    this.canUndo = false;
  }

  getState(): LagIndicatorState {
    return {
      period: this.period,
      values: toJsonArray(this.#values),
      index: this.#index,
      count: this.#count,
      undo: { index: this.#undoIndex, count: this.#undoCount, dropped: this.#undoDropped },
      result: this.result,
      canUndo: this.canUndo,
    };
  }

  protected loadState(state: LagIndicatorState): void {
    this.#values.set(fromJsonArray(state.values));
    this.#index = state.index;
    this.#count = state.count;
    this.#undoIndex = state.undo.index;
    this.#undoCount = state.undo.count;
    this.#undoDropped = state.undo.dropped ?? Number.NaN;
    this.canUndo = state.canUndo;
    this.result = state.count === this.period ? (state.result ?? Number.NaN) : null;
  }
}
