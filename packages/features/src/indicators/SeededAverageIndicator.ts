import { NumericIndicatorBase } from './IndicatorBase.js';
import { requireInteger } from './parameters.js';
import { SeededAverage, type SeededAverageState } from './SeededAverage.js';

export interface SeededAverageIndicatorState {
  period: number;
  average: SeededAverageState;
  canUndo: boolean;
}

/**
 * The body shared by EMA and Wilder smoothing: both are an SMA-seeded exponential average and differ
 * only in alpha (2 / (period + 1) versus 1 / period).
 */
export abstract class SeededAverageIndicator extends NumericIndicatorBase<number> {
  readonly period: number;
  readonly #wilder: boolean;
  #average: SeededAverage;

  protected constructor(period: number, wilder: boolean) {
    super();
    this.period = requireInteger('period', period, 1);
    this.#wilder = wilder;
    this.#average = new SeededAverage(this.period, wilder);
  }

  add(value: number): number | null {
    this.canUndo = true;
    const average = this.#average.push(value);
    if (Number.isNaN(average)) return null;
    this.value = average;
    this.stable = true;
    return average;
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

  getState(): SeededAverageIndicatorState {
    return { period: this.period, average: this.#average.getState(), canUndo: this.canUndo };
  }

  /** Loads a state from `getState()` into this fresh instance (same period). */
  protected loadState(state: SeededAverageIndicatorState): this {
    this.#average = SeededAverage.fromState(state.average, state.period, this.#wilder);
    this.canUndo = state.canUndo;
    if (!Number.isNaN(this.#average.value)) this.result = this.#average.value;
    return this;
  }
}
