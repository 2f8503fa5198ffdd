import { batchOfBars } from './batch.js';
import type { HighLowCloseVolume, HighLowCloseVolumeColumns } from './Indicator.js';
import { NumericIndicatorBase } from './IndicatorBase.js';
import { requireInteger } from './parameters.js';
import { RollingSum, type RollingSumState } from './RollingSum.js';

export interface RollingVWAPState {
  period: number;
  priceVolume: RollingSumState;
  volume: RollingSumState;
  price: RollingSumState;
  canUndo: boolean;
}

/**
 * Rolling volume-weighted average price over the last `period` bars: Σ tp·v / Σ v with the typical price
 * tp = (h + l + c) / 3. When the window's volume is 0 it falls back to the mean typical price (a VWAP
 * with equal weights) instead of 0/0. Warm-up: `period` bars.
 * @see https://en.wikipedia.org/wiki/Volume-weighted_average_price
 */
export class RollingVWAP extends NumericIndicatorBase<HighLowCloseVolume> {
  readonly period: number;
  #priceVolume: RollingSum;
  #volume: RollingSum;
  #price: RollingSum;

  constructor(period = 20) {
    super();
    this.period = requireInteger('period', period, 1);
    this.#priceVolume = new RollingSum(period);
    this.#volume = new RollingSum(period);
    this.#price = new RollingSum(period);
  }

  add(bar: HighLowCloseVolume): number | null {
    this.canUndo = true;
    const typical = (bar.high + bar.low + bar.close) / 3;
    this.#priceVolume.push(typical * bar.volume);
    this.#volume.push(bar.volume);
    this.#price.push(typical);
    if (!this.#price.isFull) return null;
    return this.#publish();
  }

  #publish(): number {
    const volume = this.#volume.sum;
    this.value = volume > 0 ? this.#priceVolume.sum / volume : this.#price.sum / this.period;
    this.stable = true;
    return this.value;
  }

  protected restore(): void {
    this.#priceVolume.undo();
    this.#volume.undo();
    this.#price.undo();
  }

  getRequiredInputs(): number {
    return this.period;
  }

  reset(): void {
    this.#priceVolume.reset();
    this.#volume.reset();
    this.#price.reset();
    this.result = null;
    this.canUndo = false;
  }

  getState(): RollingVWAPState {
    return {
      period: this.period,
      priceVolume: this.#priceVolume.getState(),
      volume: this.#volume.getState(),
      price: this.#price.getState(),
      canUndo: this.canUndo,
    };
  }

  static fromState(state: RollingVWAPState): RollingVWAP {
    const vwap = new RollingVWAP(state.period);
    vwap.#priceVolume = RollingSum.fromState(state.priceVolume);
    vwap.#volume = RollingSum.fromState(state.volume);
    vwap.#price = RollingSum.fromState(state.price);
    vwap.canUndo = state.canUndo;
    if (vwap.#price.isFull) vwap.#publish();
    return vwap;
  }

  /** Batch form (drives the streaming step): NaN for the first period − 1 slots. */
  static fromBatch(columns: HighLowCloseVolumeColumns, period = 20): Float64Array {
    return batchOfBars(new RollingVWAP(period), columns);
  }
}
