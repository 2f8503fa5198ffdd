import type { HighLowClose, HighLowCloseColumns } from './Indicator.js';
import { NumericIndicatorBase } from './IndicatorBase.js';
import { requireInteger } from './parameters.js';
import { SeededAverage, type SeededAverageState } from './SeededAverage.js';
import { trueRange } from './TrueRange.js';

export interface ATRState {
  period: number;
  previousClose: number | null;
  undoPreviousClose: number | null;
  average: SeededAverageState;
  canUndo: boolean;
}

/**
 * Average true range (Wilder 1978): Wilder smoothing of the true range, seeded with the mean of the
 * first `period` true ranges (the first bar's TR is its high − low). Warm-up: `period` bars.
 * @see https://school.stockcharts.com/doku.php?id=technical_indicators:average_true_range_atr
 */
export class ATR extends NumericIndicatorBase<HighLowClose> {
  readonly period: number;
  #previousClose = Number.NaN;
  #undoPreviousClose = Number.NaN;
  #average: SeededAverage;

  constructor(period = 14) {
    super();
    this.period = requireInteger('period', period, 1);
    this.#average = new SeededAverage(period, true);
  }

  add(bar: HighLowClose): number | null {
    this.canUndo = true;
    // Undo information for `replace` (saving again after a restore stores the same state).
    this.#undoPreviousClose = this.#previousClose;
    const atr = this.#average.push(trueRange(bar.high, bar.low, this.#previousClose));
    this.#previousClose = bar.close;
    if (Number.isNaN(atr)) return null;
    this.value = atr;
    this.stable = true;
    return atr;
  }

  protected restore(): void {
    this.#previousClose = this.#undoPreviousClose;
    this.#average.undo();
  }

  getRequiredInputs(): number {
    return this.period;
  }

  reset(): void {
    this.#previousClose = Number.NaN;
    this.#average.reset();
    this.result = null;
    this.canUndo = false;
  }

  getState(): ATRState {
    const json = (v: number): number | null => (Number.isNaN(v) ? null : v);
    return {
      period: this.period,
      previousClose: json(this.#previousClose),
      undoPreviousClose: json(this.#undoPreviousClose),
      average: this.#average.getState(),
      canUndo: this.canUndo,
    };
  }

  static fromState(state: ATRState): ATR {
    const atr = new ATR(state.period);
    atr.#previousClose = state.previousClose ?? Number.NaN;
    atr.#undoPreviousClose = state.undoPreviousClose ?? Number.NaN;
    atr.#average = SeededAverage.fromState(state.average, state.period, true);
    atr.canUndo = state.canUndo;
    if (!Number.isNaN(atr.#average.value)) atr.result = atr.#average.value;
    return atr;
  }

  /** Batch form: a tight loop with the streaming operations. NaN for the first period − 1 slots. */
  static fromBatch(columns: HighLowCloseColumns, period = 14): Float64Array {
    requireInteger('period', period, 1);
    const { high, low, close } = columns;
    const n = close.length;
    const out = new Float64Array(n).fill(Number.NaN);
    let previousClose = Number.NaN;
    let sum = 0;
    let atr = Number.NaN;
    const keep = period - 1;
    for (let i = 0; i < n; i++) {
      const tr = trueRange(high[i] as number, low[i] as number, previousClose);
      previousClose = close[i] as number;
      if (i < period) {
        sum += tr;
        if (i === keep) atr = sum / period;
      } else atr = (atr * keep + tr) / period;
      out[i] = atr;
    }
    return out;
  }
}
