import { batchOf } from './batch.js';
import { MonotonicDeque } from './MonotonicDeque.js';
import { RollingExtreme, type RollingExtremeState } from './RollingExtreme.js';

/**
 * Rolling minimum of the last `period` inputs, O(1) amortized with a monotonic deque. Warm-up: `period` inputs.
 * `replace` throws `UnsupportedOperationError`.
 */
export class Lowest extends RollingExtreme {
  constructor(period: number) {
    super(period, false);
  }

  static fromState(state: RollingExtremeState): Lowest {
    const indicator = new Lowest(state.period);
    indicator.deque = MonotonicDeque.fromState(state.deque, false);
    indicator.result = state.result;
    return indicator;
  }

  /** Batch form (drives the deque): NaN for the first period − 1 slots. */
  static fromBatch(values: Float64Array, period: number): Float64Array {
    return batchOf(new Lowest(period), values);
  }
}
