import { NumericIndicatorBase } from './IndicatorBase.js';
import { requireInteger } from './parameters.js';
import { RollingSum, type RollingSumState, rollingSumBatch } from './RollingSum.js';

export interface SMAState {
  period: number;
  window: RollingSumState;
  canUndo: boolean;
}

/**
 * Simple moving average: mean of the last `period` inputs. Warm-up: `period` inputs.
 * @see https://en.wikipedia.org/wiki/Moving_average#Simple_moving_average
 */
export class SMA extends NumericIndicatorBase<number> {
  readonly period: number;
  #window: RollingSum;

  constructor(period: number) {
    super();
    this.period = requireInteger('period', period, 1);
    this.#window = new RollingSum(period);
  }

  add(value: number): number | null {
    this.canUndo = true;
    const sum = this.#window.push(value);
    if (!this.#window.isFull) return null;
    this.value = sum / this.period;
    this.stable = true;
    return this.value;
  }

  protected restore(): void {
    this.#window.undo();
  }

  getRequiredInputs(): number {
    return this.period;
  }

  reset(): void {
    this.#window.reset();
    this.result = null;
    this.canUndo = false;
  }

  getState(): SMAState {
    return { period: this.period, window: this.#window.getState(), canUndo: this.canUndo };
  }

  static fromState(state: SMAState): SMA {
    const sma = new SMA(state.period);
    sma.#window = RollingSum.fromState(state.window);
    sma.canUndo = state.canUndo;
    if (sma.#window.isFull) sma.result = sma.#window.sum / sma.period;
    return sma;
  }

  /** Batch form: same length as `values`, NaN for the first `period - 1` slots. */
  static fromBatch(values: Float64Array, period: number): Float64Array {
    requireInteger('period', period, 1);
    return rollingSumBatch(values, period, period);
  }
}
