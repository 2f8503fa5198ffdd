import { ObjectIndicatorBase } from './IndicatorBase.js';
import { InvalidParameterError } from './InvalidParameterError.js';
import { requireInteger } from './parameters.js';
import { SeededAverage, type SeededAverageState, seededAverageBatch } from './SeededAverage.js';

export interface MACDResult {
  /** EMA(fast) − EMA(slow). */
  readonly macd: number;
  /** EMA(signalPeriod) of the MACD line. */
  readonly signal: number;
  /** macd − signal. */
  readonly histogram: number;
}

export interface MACDOptions {
  /** Fast EMA period. Default 12. */
  fastPeriod?: number;
  /** Slow EMA period, > fastPeriod. Default 26. */
  slowPeriod?: number;
  /** Signal EMA period. Default 9. */
  signalPeriod?: number;
}

export interface MACDState {
  fastPeriod: number;
  slowPeriod: number;
  signalPeriod: number;
  fast: SeededAverageState;
  slow: SeededAverageState;
  signal: SeededAverageState;
  fedSignal: boolean;
  canUndo: boolean;
}

export interface MACDBatch {
  macd: Float64Array;
  signal: Float64Array;
  histogram: Float64Array;
}

/**
 * Moving average convergence/divergence (Appel). Seeding: the fast and slow EMAs both start at the first
 * price, each seeded with the SMA of its own first `period` prices (so the fast EMA is ready first; the
 * MACD line exists from input `slowPeriod`); the signal EMA is seeded with the SMA of the first
 * `signalPeriod` MACD values. This is the StockCharts / `technicalindicators` convention (TA-Lib instead
 * starts the fast EMA later). Warm-up: slowPeriod + signalPeriod − 1 inputs; the result is reported only
 * when all three lines exist. The result object is reused between calls.
 * @see https://school.stockcharts.com/doku.php?id=technical_indicators:moving_average_convergence_divergence_macd
 */
export class MACD extends ObjectIndicatorBase<MACDResult, number> {
  readonly fastPeriod: number;
  readonly slowPeriod: number;
  readonly signalPeriod: number;
  #fast: SeededAverage;
  #slow: SeededAverage;
  #signal: SeededAverage;
  #fedSignal = false;
  readonly #output = { macd: Number.NaN, signal: Number.NaN, histogram: Number.NaN };

  constructor(options: MACDOptions = {}) {
    super();
    const { fastPeriod = 12, slowPeriod = 26, signalPeriod = 9 } = options;
    this.fastPeriod = requireInteger('fastPeriod', fastPeriod, 1);
    this.slowPeriod = requireInteger('slowPeriod', slowPeriod, 2);
    this.signalPeriod = requireInteger('signalPeriod', signalPeriod, 1);
    if (fastPeriod >= slowPeriod) {
      throw new InvalidParameterError({
        parameter: 'fastPeriod',
        message: `Invalid "fastPeriod": expected an integer < slowPeriod (${slowPeriod}), received "${fastPeriod}".`,
      });
    }
    this.#fast = new SeededAverage(fastPeriod, false);
    this.#slow = new SeededAverage(slowPeriod, false);
    this.#signal = new SeededAverage(signalPeriod, false);
  }

  add(value: number): MACDResult | null {
    this.canUndo = true;
    const fast = this.#fast.push(value);
    const slow = this.#slow.push(value);
    this.#fedSignal = !Number.isNaN(slow);
    if (!this.#fedSignal) return null;
    const macd = fast - slow;
    const signal = this.#signal.push(macd);
    if (Number.isNaN(signal)) return null;
    return this.#publish(macd, signal);
  }

  #publish(macd: number, signal: number): MACDResult {
    const output = this.#output;
    output.macd = macd;
    output.signal = signal;
    output.histogram = macd - signal;
    this.result = output;
    return output;
  }

  protected restore(): void {
    this.#fast.undo();
    this.#slow.undo();
    if (this.#fedSignal) this.#signal.undo();
  }

  getRequiredInputs(): number {
    return this.slowPeriod + this.signalPeriod - 1;
  }

  reset(): void {
    this.#fast.reset();
    this.#slow.reset();
    this.#signal.reset();
    this.#fedSignal = false;
    this.result = null;
    this.canUndo = false;
  }

  getState(): MACDState {
    return {
      fastPeriod: this.fastPeriod,
      slowPeriod: this.slowPeriod,
      signalPeriod: this.signalPeriod,
      fast: this.#fast.getState(),
      slow: this.#slow.getState(),
      signal: this.#signal.getState(),
      fedSignal: this.#fedSignal,
      canUndo: this.canUndo,
    };
  }

  static fromState(state: MACDState): MACD {
    const m = new MACD(state);
    m.#fast = SeededAverage.fromState(state.fast, state.fastPeriod, false);
    m.#slow = SeededAverage.fromState(state.slow, state.slowPeriod, false);
    m.#signal = SeededAverage.fromState(state.signal, state.signalPeriod, false);
    m.#fedSignal = state.fedSignal;
    m.canUndo = state.canUndo;
    if (!Number.isNaN(m.#signal.value)) m.#publish(m.#fast.value - m.#slow.value, m.#signal.value);
    return m;
  }

  /** Batch form: three arrays, NaN until all three lines exist (the first slowPeriod + signalPeriod − 2 slots). */
  static fromBatch(values: Float64Array, options: MACDOptions = {}): MACDBatch {
    const { fastPeriod, slowPeriod, signalPeriod } = new MACD(options);
    const fast = seededAverageBatch(values, fastPeriod, false);
    const macd = seededAverageBatch(values, slowPeriod, false);
    for (let i = 0; i < macd.length; i++) macd[i] = (fast[i] as number) - (macd[i] as number);
    const signal = seededAverageBatch(macd, signalPeriod, false, slowPeriod - 1);
    const histogram = fast;
    for (let i = 0; i < macd.length; i++) {
      const s = signal[i] as number;
      if (Number.isNaN(s)) macd[i] = Number.NaN;
      histogram[i] = (macd[i] as number) - s;
    }
    return { macd, signal, histogram };
  }
}
