import { requireInteger } from './parameters.js';
import { seededAverageBatch } from './SeededAverage.js';
import { SeededAverageIndicator, type SeededAverageIndicatorState } from './SeededAverageIndicator.js';

export type WilderSmoothingState = SeededAverageIndicatorState;

/**
 * Wilder's smoothing (RMA, SMMA): value = (previous * (period - 1) + x) / period, i.e. an EMA with
 * alpha = 1 / period, seeded with the SMA of the first `period` inputs. Warm-up: `period` inputs.
 * @see J. Welles Wilder, New Concepts in Technical Trading Systems (1978)
 */
export class WilderSmoothing extends SeededAverageIndicator {
  constructor(period: number) {
    super(period, true);
  }

  static fromState(state: WilderSmoothingState): WilderSmoothing {
    return new WilderSmoothing(state.period).loadState(state);
  }

  /** Batch form: same length as `values`, NaN for the first `period - 1` slots. */
  static fromBatch(values: Float64Array, period: number): Float64Array {
    return seededAverageBatch(values, requireInteger('period', period, 1), true);
  }
}
