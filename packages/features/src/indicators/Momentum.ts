import { LagIndicator, type LagIndicatorState } from './LagIndicator.js';
import { requireInteger } from './parameters.js';

function momentum(current: number, lagged: number): number {
  return current - lagged;
}

/**
 * Momentum: x_t − x_{t−period}. Warm-up: period + 1 inputs.
 * @see https://school.stockcharts.com/doku.php?id=technical_indicators:rate_of_change_roc_and_momentum
 */
export class Momentum extends LagIndicator {
  constructor(period = 10) {
    super(period);
  }

  protected compute(current: number, lagged: number): number {
    return momentum(current, lagged);
  }

  static fromState(state: LagIndicatorState): Momentum {
    const indicator = new Momentum(state.period);
    indicator.loadState(state);
    return indicator;
  }

  /** Batch form: NaN for the first `period` slots. */
  static fromBatch(values: Float64Array, period = 10): Float64Array {
    requireInteger('period', period, 1);
    const out = new Float64Array(values.length).fill(Number.NaN);
    for (let i = period; i < values.length; i++) out[i] = momentum(values[i] as number, values[i - period] as number);
    return out;
  }
}
