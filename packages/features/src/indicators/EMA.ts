import { IndicatorBase } from './IndicatorBase.js';
import { requireInteger } from './parameters.js';
import { SeededAverage, type SeededAverageState, seededAverageBatch } from './SeededAverage.js';

export interface EMAState {
  period: number;
  average: SeededAverageState;
  canUndo: boolean;
}

/**
 * Exponential moving average, alpha = 2 / (period + 1), seeded with the SMA of the first `period` inputs.
 * Warm-up: `period` inputs.
 * @see https://school.stockcharts.com/doku.php?id=technical_indicators:moving_averages (SMA seed)
 */
export class EMA extends IndicatorBase<number, number> {
  readonly period: number;
  #average: SeededAverage;

  constructor(period: number) {
    super();
    this.period = requireInteger('period', period, 1);
    this.#average = new SeededAverage(period, false);
  }

  add(value: number): number | null {
    this.canUndo = true;
    const ema = this.#average.push(value);
    if (Number.isNaN(ema)) return null;
    this.result = ema;
    return ema;
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

  getState(): EMAState {
    return { period: this.period, average: this.#average.getState(), canUndo: this.canUndo };
  }

  static fromState(state: EMAState): EMA {
    const ema = new EMA(state.period);
    ema.#average = SeededAverage.fromState(state.average, state.period, false);
    ema.canUndo = state.canUndo;
    if (!Number.isNaN(ema.#average.value)) ema.result = ema.#average.value;
    return ema;
  }

  /** Batch form: same length as `values`, NaN for the first `period - 1` slots. */
  static fromBatch(values: Float64Array, period: number): Float64Array {
    return seededAverageBatch(values, requireInteger('period', period, 1), false);
  }
}
