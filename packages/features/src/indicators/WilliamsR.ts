import { batchOfBars } from './batch.js';
import type { HighLowClose, HighLowCloseColumns } from './Indicator.js';
import { NumericIndicatorBase } from './IndicatorBase.js';
import { MonotonicDeque, type MonotonicDequeState } from './MonotonicDeque.js';
import { requireInteger } from './parameters.js';
import { UnsupportedOperationError } from './UnsupportedOperationError.js';

export interface WilliamsRState {
  period: number;
  highs: MonotonicDequeState;
  lows: MonotonicDequeState;
  result: number | null;
}

/**
 * Williams %R: −100 · (HH − c) / (HH − LL) over `period` bars, in [−100, 0]; −50 when HH = LL.
 * Warm-up: `period` bars. `replace` throws `UnsupportedOperationError` (monotonic deques).
 * @see https://school.stockcharts.com/doku.php?id=technical_indicators:williams_r
 */
export class WilliamsR extends NumericIndicatorBase<HighLowClose> {
  readonly period: number;
  #highs: MonotonicDeque;
  #lows: MonotonicDeque;

  constructor(period = 14) {
    super();
    this.period = requireInteger('period', period, 1);
    this.#highs = new MonotonicDeque(period, true);
    this.#lows = new MonotonicDeque(period, false);
  }

  add(bar: HighLowClose): number | null {
    this.canUndo = true;
    const highest = this.#highs.push(bar.high);
    const lowest = this.#lows.push(bar.low);
    if (this.#highs.count < this.period) return null;
    const range = highest - lowest;
    this.value = range > 0 ? (-100 * (highest - bar.close)) / range : -50;
    this.stable = true;
    return this.value;
  }

  protected restore(): void {}

  override replace(_input: HighLowClose): number | null {
    throw new UnsupportedOperationError({ message: 'WilliamsR does not support "replace": call "add" once per closed bar.' });
  }

  getRequiredInputs(): number {
    return this.period;
  }

  reset(): void {
    this.#highs.reset();
    this.#lows.reset();
    this.result = null;
  }

  getState(): WilliamsRState {
    return { period: this.period, highs: this.#highs.getState(), lows: this.#lows.getState(), result: this.result };
  }

  static fromState(state: WilliamsRState): WilliamsR {
    const r = new WilliamsR(state.period);
    r.#highs = MonotonicDeque.fromState(state.highs, true);
    r.#lows = MonotonicDeque.fromState(state.lows, false);
    r.result = state.result;
    return r;
  }

  /** Batch form (drives the streaming step): NaN for the first period − 1 slots. */
  static fromBatch(columns: HighLowCloseColumns, period = 14): Float64Array {
    return batchOfBars(new WilliamsR(period), columns);
  }
}
