import type { HighLowClose, HighLowCloseColumns } from './Indicator.js';
import { ObjectIndicatorBase } from './IndicatorBase.js';
import { MonotonicDeque, type MonotonicDequeState } from './MonotonicDeque.js';
import { requireInteger } from './parameters.js';
import { RollingSum, type RollingSumState } from './RollingSum.js';
import { UnsupportedOperationError } from './UnsupportedOperationError.js';

export interface StochasticResult {
  /** %K (smoothed by `kSmoothing`; the fast %K when kSmoothing = 1). */
  readonly k: number;
  /** %D = SMA(dPeriod) of %K. */
  readonly d: number;
}

export interface StochasticOptions {
  /** Look-back for the highest high / lowest low. Default 14. */
  period?: number;
  /** SMA applied to the raw %K: 1 = fast stochastic, 3 = slow stochastic (Lane). Default 3. */
  kSmoothing?: number;
  /** SMA of %K giving %D. Default 3. */
  dPeriod?: number;
}

export interface StochasticState {
  period: number;
  kSmoothing: number;
  dPeriod: number;
  highs: MonotonicDequeState;
  lows: MonotonicDequeState;
  k: RollingSumState;
  d: RollingSumState;
  result: { k: number; d: number } | null;
}

export interface StochasticBatch {
  k: Float64Array;
  d: Float64Array;
}

/**
 * Stochastic oscillator (Lane): raw %K = 100 · (c − LL) / (HH − LL) over `period` bars (50 when HH = LL),
 * %K = SMA(kSmoothing) of raw %K, %D = SMA(dPeriod) of %K. Fast = (kSmoothing 1), slow = (kSmoothing 3):
 * the slow %K is the fast %D. Warm-up: period + kSmoothing + dPeriod − 2 bars. The result object is reused.
 * `replace` throws `UnsupportedOperationError` (monotonic deques).
 * @see https://school.stockcharts.com/doku.php?id=technical_indicators:stochastic_oscillator_fast_slow_and_full
 */
export class Stochastic extends ObjectIndicatorBase<StochasticResult, HighLowClose> {
  readonly period: number;
  readonly kSmoothing: number;
  readonly dPeriod: number;
  #highs: MonotonicDeque;
  #lows: MonotonicDeque;
  #k: RollingSum;
  #d: RollingSum;
  readonly #output = { k: Number.NaN, d: Number.NaN };

  constructor(options: StochasticOptions = {}) {
    super();
    const { period = 14, kSmoothing = 3, dPeriod = 3 } = options;
    this.period = requireInteger('period', period, 1);
    this.kSmoothing = requireInteger('kSmoothing', kSmoothing, 1);
    this.dPeriod = requireInteger('dPeriod', dPeriod, 1);
    this.#highs = new MonotonicDeque(period, true);
    this.#lows = new MonotonicDeque(period, false);
    this.#k = new RollingSum(kSmoothing);
    this.#d = new RollingSum(dPeriod);
  }

  add(bar: HighLowClose): StochasticResult | null {
    this.canUndo = true;
    const highest = this.#highs.push(bar.high);
    const lowest = this.#lows.push(bar.low);
    if (this.#highs.count < this.period) return null;
    const range = highest - lowest;
    const raw = range > 0 ? (100 * (bar.close - lowest)) / range : 50;
    const kSum = this.#k.push(raw);
    if (!this.#k.isFull) return null;
    const k = kSum / this.kSmoothing;
    const dSum = this.#d.push(k);
    if (!this.#d.isFull) return null;
    this.#output.k = k;
    this.#output.d = dSum / this.dPeriod;
    this.result = this.#output;
    return this.#output;
  }

  protected restore(): void {}

  override replace(_input: HighLowClose): StochasticResult | null {
    throw new UnsupportedOperationError({ message: 'Stochastic does not support "replace": call "add" once per closed bar.' });
  }

  getRequiredInputs(): number {
    return this.period + this.kSmoothing + this.dPeriod - 2;
  }

  reset(): void {
    this.#highs.reset();
    this.#lows.reset();
    this.#k.reset();
    this.#d.reset();
    this.result = null;
  }

  getState(): StochasticState {
    return {
      period: this.period,
      kSmoothing: this.kSmoothing,
      dPeriod: this.dPeriod,
      highs: this.#highs.getState(),
      lows: this.#lows.getState(),
      k: this.#k.getState(),
      d: this.#d.getState(),
      result: this.result === null ? null : { k: this.result.k, d: this.result.d },
    };
  }

  static fromState(state: StochasticState): Stochastic {
    const stochastic = new Stochastic(state);
    stochastic.#highs = MonotonicDeque.fromState(state.highs, true);
    stochastic.#lows = MonotonicDeque.fromState(state.lows, false);
    stochastic.#k = RollingSum.fromState(state.k);
    stochastic.#d = RollingSum.fromState(state.d);
    if (state.result !== null) {
      stochastic.#output.k = state.result.k;
      stochastic.#output.d = state.result.d;
      stochastic.result = stochastic.#output;
    }
    return stochastic;
  }

  /** Batch form (drives the streaming step): two arrays, NaN during warm-up. */
  static fromBatch(columns: HighLowCloseColumns, options: StochasticOptions = {}): StochasticBatch {
    const stochastic = new Stochastic(options);
    const { high, low, close } = columns;
    const n = close.length;
    const k = new Float64Array(n).fill(Number.NaN);
    const d = new Float64Array(n).fill(Number.NaN);
    const bar = { high: 0, low: 0, close: 0 };
    for (let i = 0; i < n; i++) {
      bar.high = high[i] as number;
      bar.low = low[i] as number;
      bar.close = close[i] as number;
      const r = stochastic.add(bar);
      if (r === null) continue;
      k[i] = r.k;
      d[i] = r.d;
    }
    return { k, d };
  }
}
