import { NumericIndicatorBase } from './IndicatorBase.js';
import { MonotonicDeque, type MonotonicDequeState } from './MonotonicDeque.js';
import { requireInteger } from './parameters.js';
import { UnsupportedOperationError } from './UnsupportedOperationError.js';

export interface RollingExtremeState {
  period: number;
  deque: MonotonicDequeState;
  result: number | null;
}

/** Shared mechanics of {@link Highest} and {@link Lowest}. `replace` is not supported (a deque eviction cannot be undone in O(1)). */
export abstract class RollingExtreme extends NumericIndicatorBase<number> {
  readonly period: number;
  protected deque: MonotonicDeque;

  constructor(period: number, isMax: boolean) {
    super();
    this.period = requireInteger('period', period, 1);
    this.deque = new MonotonicDeque(period, isMax);
  }

  add(value: number): number | null {
    this.canUndo = true;
    const extreme = this.deque.push(value);
    if (this.deque.count < this.period) return null;
    this.value = extreme;
    this.stable = true;
    return extreme;
  }

  protected restore(): void {}

  override replace(_input: number): number | null {
    throw new UnsupportedOperationError({
      message: `${this.constructor.name} does not support "replace": call "add" once per closed bar.`,
    });
  }

  getRequiredInputs(): number {
    return this.period;
  }

  reset(): void {
    this.deque.reset();
    this.result = null;
  }

  getState(): RollingExtremeState {
    return { period: this.period, deque: this.deque.getState(), result: this.result };
  }
}
