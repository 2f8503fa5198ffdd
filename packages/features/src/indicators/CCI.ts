import { batchOfBars } from './batch.js';
import type { HighLowClose, HighLowCloseColumns } from './Indicator.js';
import { NumericIndicatorBase } from './IndicatorBase.js';
import { requireInteger } from './parameters.js';
import { RollingSum, type RollingSumState } from './RollingSum.js';

export interface CCIState {
  period: number;
  typical: RollingSumState;
  canUndo: boolean;
}

/**
 * Commodity channel index (Lambert 1980): CCI = (tp − SMA(tp)) / (0.015 · MD) with tp = (h + l + c) / 3
 * and MD the mean absolute deviation of tp from its SMA over the window; 0 when MD is 0.
 * Warm-up: `period` bars. The mean deviation depends on the current mean, so each update is O(period).
 * @see https://school.stockcharts.com/doku.php?id=technical_indicators:commodity_channel_index_cci
 */
export class CCI extends NumericIndicatorBase<HighLowClose> {
  readonly period: number;
  #typical: RollingSum;

  constructor(period = 20) {
    super();
    this.period = requireInteger('period', period, 1);
    this.#typical = new RollingSum(period);
  }

  add(bar: HighLowClose): number | null {
    this.canUndo = true;
    const typical = (bar.high + bar.low + bar.close) / 3;
    this.#typical.push(typical);
    if (!this.#typical.isFull) return null;
    return this.#publish(typical);
  }

  #publish(typical: number): number {
    const period = this.period;
    const mean = this.#typical.sum / period;
    const values = this.#typical.values;
    let deviation = 0;
    for (let j = 0; j < period; j++) deviation += Math.abs((values[j] as number) - mean);
    deviation /= period;
    this.value = deviation > 0 ? (typical - mean) / (0.015 * deviation) : 0;
    this.stable = true;
    return this.value;
  }

  protected restore(): void {
    this.#typical.undo();
  }

  getRequiredInputs(): number {
    return this.period;
  }

  reset(): void {
    this.#typical.reset();
    this.result = null;
    this.canUndo = false;
  }

  getState(): CCIState {
    return { period: this.period, typical: this.#typical.getState(), canUndo: this.canUndo };
  }

  static fromState(state: CCIState): CCI {
    const cci = new CCI(state.period);
    cci.#typical = RollingSum.fromState(state.typical);
    cci.canUndo = state.canUndo;
    if (cci.#typical.isFull) cci.#publish(cci.#typical.at(0));
    return cci;
  }

  /** Batch form (drives the streaming step): NaN for the first period − 1 slots. */
  static fromBatch(columns: HighLowCloseColumns, period = 20): Float64Array {
    return batchOfBars(new CCI(period), columns);
  }
}
