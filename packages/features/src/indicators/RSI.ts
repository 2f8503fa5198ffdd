import { NumericIndicatorBase } from './IndicatorBase.js';
import { requireInteger } from './parameters.js';
import { SeededAverage, type SeededAverageState } from './SeededAverage.js';

export interface RSIState {
  period: number;
  previous: number | null;
  count: number;
  gain: SeededAverageState;
  loss: SeededAverageState;
  undo: { previous: number | null; count: number };
  canUndo: boolean;
}

/**
 * RSI from Wilder-smoothed average gain and loss: 100 − 100 / (1 + G/L), computed as the equal 100·G / (G + L)
 * (one division). A flat window (G = L = 0) is neutral 50; no losses gives 100.
 */
function relativeStrengthIndex(averageGain: number, averageLoss: number): number {
  const total = averageGain + averageLoss;
  return total > 0 ? (100 * averageGain) / total : 50;
}

/**
 * Relative strength index (Wilder 1978): RSI = 100 − 100 / (1 + avgGain / avgLoss) where the averages of
 * the up and down moves are Wilder-smoothed, seeded with the simple mean of the first `period` changes.
 * Warm-up: period + 1 inputs (period changes).
 * @see https://school.stockcharts.com/doku.php?id=technical_indicators:relative_strength_index_rsi
 */
export class RSI extends NumericIndicatorBase<number> {
  readonly period: number;
  #previous = Number.NaN;
  #count = 0;
  #gain: SeededAverage;
  #loss: SeededAverage;
  #undoPrevious = Number.NaN;
  #undoCount = 0;

  constructor(period = 14) {
    super();
    this.period = requireInteger('period', period, 1);
    this.#gain = new SeededAverage(period, true);
    this.#loss = new SeededAverage(period, true);
  }

  add(value: number): number | null {
    this.canUndo = true;
    // Undo information for `replace` (saving again after a restore stores the same state).
    this.#undoPrevious = this.#previous;
    this.#undoCount = this.#count;
    const change = value - this.#previous;
    this.#previous = value;
    if (this.#count++ === 0) return null;
    const averageGain = this.#gain.push(Math.max(change, 0));
    const averageLoss = this.#loss.push(Math.max(-change, 0));
    if (Number.isNaN(averageGain)) return null;
    this.value = relativeStrengthIndex(averageGain, averageLoss);
    this.stable = true;
    return this.value;
  }

  protected restore(): void {
    if (this.#undoCount > 0) {
      this.#gain.undo();
      this.#loss.undo();
    }
    this.#previous = this.#undoPrevious;
    this.#count = this.#undoCount;
  }

  getRequiredInputs(): number {
    return this.period + 1;
  }

  reset(): void {
    this.#previous = Number.NaN;
    this.#count = 0;
    this.#gain.reset();
    this.#loss.reset();
    this.result = null;
    this.canUndo = false;
  }

  getState(): RSIState {
    const json = (v: number): number | null => (Number.isNaN(v) ? null : v);
    return {
      period: this.period,
      previous: json(this.#previous),
      count: this.#count,
      gain: this.#gain.getState(),
      loss: this.#loss.getState(),
      undo: { previous: json(this.#undoPrevious), count: this.#undoCount },
      canUndo: this.canUndo,
    };
  }

  static fromState(state: RSIState): RSI {
    const rsi = new RSI(state.period);
    rsi.#previous = state.previous ?? Number.NaN;
    rsi.#count = state.count;
    rsi.#gain = SeededAverage.fromState(state.gain, state.period, true);
    rsi.#loss = SeededAverage.fromState(state.loss, state.period, true);
    rsi.#undoPrevious = state.undo.previous ?? Number.NaN;
    rsi.#undoCount = state.undo.count;
    rsi.canUndo = state.canUndo;
    if (!Number.isNaN(rsi.#gain.value)) rsi.result = relativeStrengthIndex(rsi.#gain.value, rsi.#loss.value);
    return rsi;
  }

  /** Batch form: a tight loop with the streaming operations in the same order. NaN for the first `period` slots. */
  static fromBatch(values: Float64Array, period = 14): Float64Array {
    requireInteger('period', period, 1);
    const n = values.length;
    const out = new Float64Array(n).fill(Number.NaN);
    if (n <= period) return out;
    let sumGain = 0;
    let sumLoss = 0;
    for (let i = 1; i <= period; i++) {
      const change = (values[i] as number) - (values[i - 1] as number);
      sumGain += Math.max(change, 0);
      sumLoss += Math.max(-change, 0);
    }
    let averageGain = sumGain / period;
    let averageLoss = sumLoss / period;
    out[period] = relativeStrengthIndex(averageGain, averageLoss);
    const keep = period - 1;
    for (let i = period + 1; i < n; i++) {
      const change = (values[i] as number) - (values[i - 1] as number);
      averageGain = (averageGain * keep + Math.max(change, 0)) / period;
      averageLoss = (averageLoss * keep + (Math.max(-change, 0))) / period;
      out[i] = relativeStrengthIndex(averageGain, averageLoss);
    }
    return out;
  }
}
