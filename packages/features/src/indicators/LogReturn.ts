import { LagIndicator, type LagIndicatorState } from './LagIndicator.js';
import { requireInteger } from './parameters.js';

function logReturn(current: number, lagged: number): number {
  return Math.log(current / lagged);
}

/**
 * Log return over `period` bars: ln(x_t / x_{t−period}). Warm-up: period + 1 inputs.
 * @see https://en.wikipedia.org/wiki/Rate_of_return#Logarithmic_or_continuously_compounded_return
 */
export class LogReturn extends LagIndicator {
  constructor(period = 1) {
    super(period);
  }

  protected compute(current: number, lagged: number): number {
    return logReturn(current, lagged);
  }

  static fromState(state: LagIndicatorState): LogReturn {
    const indicator = new LogReturn(state.period);
    indicator.loadState(state);
    return indicator;
  }

  /** Batch form: NaN for the first `period` slots. */
  static fromBatch(values: Float64Array, period = 1): Float64Array {
    requireInteger('period', period, 1);
    const out = new Float64Array(values.length).fill(Number.NaN);
    for (let i = period; i < values.length; i++) out[i] = logReturn(values[i] as number, values[i - period] as number);
    return out;
  }
}
