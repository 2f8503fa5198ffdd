import type { DeviationKind } from './BollingerBands.js';
import { batchOf } from './batch.js';
import { RollingStatistic, type RollingStatisticState } from './RollingStatistic.js';

/**
 * Rolling standard deviation of the last `period` inputs: population (÷ n, default) or sample (÷ n − 1).
 * Warm-up: `period` inputs.
 * @see https://en.wikipedia.org/wiki/Standard_deviation
 */
export class StandardDeviation extends RollingStatistic {
  constructor(period = 20, deviation: DeviationKind = 'population') {
    super(period, deviation);
  }

  protected compute(_value: number, _mean: number, standardDeviation: number): number {
    return standardDeviation;
  }

  static fromState(state: RollingStatisticState): StandardDeviation {
    const indicator = new StandardDeviation(state.period, state.deviation);
    indicator.loadState(state);
    return indicator;
  }

  /** Batch form (drives the streaming step): NaN for the first period − 1 slots. */
  static fromBatch(values: Float64Array, period = 20, deviation: DeviationKind = 'population'): Float64Array {
    return batchOf(new StandardDeviation(period, deviation), values);
  }
}
