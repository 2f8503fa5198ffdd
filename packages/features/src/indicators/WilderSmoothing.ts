import { IndicatorBase } from './IndicatorBase.js';
import { requireInteger } from './parameters.js';
import { SeededAverage, type SeededAverageState, seededAverageBatch } from './SeededAverage.js';

export interface WilderSmoothingState {
  period: number;
  average: SeededAverageState;
  canUndo: boolean;
}

/**
 * Wilder's smoothing (RMA, SMMA): value = (previous * (period - 1) + x) / period, i.e. an EMA with
 * alpha = 1 / period, seeded with the SMA of the first `period` inputs. Warm-up: `period` inputs.
 * @see J. Welles Wilder, New Concepts in Technical Trading Systems (1978)
 */
export class WilderSmoothing extends IndicatorBase<number, number> {
  readonly period: number;
  #average: SeededAverage;

  constructor(period: number) {
    super();
    this.period = requireInteger('period', period, 1);
    this.#average = new SeededAverage(period, true);
  }

  add(value: number): number | null {
    this.canUndo = true;
    const rma = this.#average.push(value);
    if (Number.isNaN(rma)) return null;
    this.result = rma;
    return rma;
  }

  protected restore(): void {
    this.#average.undo();
  }

  getRequiredInputs(): number {
    return this.period;
  }

  reset(): void {
    this.#average.reset();
    this.result = null;
    this.canUndo = false;
  }

  getState(): WilderSmoothingState {
    return { period: this.period, average: this.#average.getState(), canUndo: this.canUndo };
  }

  static fromState(state: WilderSmoothingState): WilderSmoothing {
    const rma = new WilderSmoothing(state.period);
    rma.#average = SeededAverage.fromState(state.average, state.period, true);
    rma.canUndo = state.canUndo;
    if (!Number.isNaN(rma.#average.value)) rma.result = rma.#average.value;
    return rma;
  }

  /** Batch form: same length as `values`, NaN for the first `period - 1` slots. */
  static fromBatch(values: Float64Array, period: number): Float64Array {
    return seededAverageBatch(values, requireInteger('period', period, 1), true);
  }
}
