import { requireInteger } from './parameters.js';
import { seededAverageBatch } from './SeededAverage.js';
import { SeededAverageIndicator, type SeededAverageIndicatorState } from './SeededAverageIndicator.js';

export type EMAState = SeededAverageIndicatorState;

/**
 * Exponential moving average, alpha = 2 / (period + 1), seeded with the SMA of the first `period` inputs.
 * Warm-up: `period` inputs.
 * @see https://school.stockcharts.com/doku.php?id=technical_indicators:moving_averages (SMA seed)
 */
export class EMA extends SeededAverageIndicator {
  constructor(period: number) {
    super(period, false);
  }

  static fromState(state: EMAState): EMA {
    return new EMA(state.period).loadState(state);
  }

  /** Batch form: same length as `values`, NaN for the first `period - 1` slots. */
  static fromBatch(values: Float64Array, period: number): Float64Array {
    return seededAverageBatch(values, requireInteger('period', period, 1), false);
  }
}
