import { LagIndicator, type LagIndicatorState } from './LagIndicator.js';
import { requireInteger } from './parameters.js';

function simpleReturn(current: number, lagged: number): number {
  return current / lagged - 1;
}

/**
 * Simple return over `period` bars: x_t / x_{t−period} − 1. Warm-up: period + 1 inputs.
 * @see https://en.wikipedia.org/wiki/Rate_of_return
 */
export class SimpleReturn extends LagIndicator {
  constructor(period = 1) {
    super(period);
  }

  protected compute(current: number, lagged: number): number {
    return simpleReturn(current, lagged);
  }

  static fromState(state: LagIndicatorState): SimpleReturn {
    const indicator = new SimpleReturn(state.period);
    indicator.loadState(state);
    return indicator;
  }

  /** Batch form: NaN for the first `period` slots. */
  static fromBatch(values: Float64Array, period = 1): Float64Array {
    requireInteger('period', period, 1);
    const out = new Float64Array(values.length).fill(Number.NaN);
    for (let i = period; i < values.length; i++) out[i] = simpleReturn(values[i] as number, values[i - period] as number);
    return out;
  }
}
