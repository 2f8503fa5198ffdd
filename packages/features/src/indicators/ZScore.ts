import type { DeviationKind } from './BollingerBands.js';
import { batchOf } from './batch.js';
import { RollingStatistic, type RollingStatisticState } from './RollingStatistic.js';

/**
 * Rolling z-score: (x − mean) / σ over the last `period` inputs including x; 0 when σ = 0.
 * Population σ by default. Warm-up: `period` inputs.
 * @see https://en.wikipedia.org/wiki/Standard_score
 */
export class ZScore extends RollingStatistic {
  constructor(period = 20, deviation: DeviationKind = 'population') {
    super(period, deviation);
  }

  protected compute(value: number, mean: number, standardDeviation: number): number {
    return standardDeviation > 0 ? (value - mean) / standardDeviation : 0;
  }

  static fromState(state: RollingStatisticState): ZScore {
    const indicator = new ZScore(state.period, state.deviation);
    indicator.loadState(state);
    return indicator;
  }

  /** Batch form (drives the streaming step): NaN for the first period − 1 slots. */
  static fromBatch(values: Float64Array, period = 20, deviation: DeviationKind = 'population'): Float64Array {
    return batchOf(new ZScore(period, deviation), values);
  }
}
