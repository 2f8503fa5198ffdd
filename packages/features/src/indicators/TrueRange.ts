import type { HighLowClose, HighLowCloseColumns } from './Indicator.js';
import { NumericIndicatorBase } from './IndicatorBase.js';

export interface TrueRangeState {
  previousClose: number | null;
  undoPreviousClose: number | null;
  result: number | null;
  canUndo: boolean;
}

/** max(h − l, |h − c_prev|, |l − c_prev|); the first bar, with no previous close, is h − l. */
export function trueRange(high: number, low: number, previousClose: number): number {
  const range = high - low;
  if (Number.isNaN(previousClose)) return range;
  const up = Math.abs(high - previousClose);
  const down = Math.abs(low - previousClose);
  return Math.max(range, up, down);
}

/**
 * True range (Wilder 1978). Warm-up: 1 bar (the first bar's true range is its high − low).
 * @see https://school.stockcharts.com/doku.php?id=technical_indicators:average_true_range_atr
 */
export class TrueRange extends NumericIndicatorBase<HighLowClose> {
  #previousClose = Number.NaN;
  #undoPreviousClose = Number.NaN;

  add(bar: HighLowClose): number {
    this.canUndo = true;
    // Undo information for `replace` (saving again after a restore stores the same state).
    this.#undoPreviousClose = this.#previousClose;
    this.value = trueRange(bar.high, bar.low, this.#previousClose);
    this.stable = true;
    this.#previousClose = bar.close;
    return this.value;
  }

  protected restore(): void {
    this.#previousClose = this.#undoPreviousClose;
  }

  getRequiredInputs(): number {
    return 1;
  }

  reset(): void {
    this.#previousClose = Number.NaN;
    this.result = null;
    this.canUndo = false;
  }

  getState(): TrueRangeState {
    const json = (v: number): number | null => (Number.isNaN(v) ? null : v);
    return {
      previousClose: json(this.#previousClose),
      undoPreviousClose: json(this.#undoPreviousClose),
      result: this.result,
      canUndo: this.canUndo,
    };
  }

  static fromState(state: TrueRangeState): TrueRange {
    const tr = new TrueRange();
    tr.#previousClose = state.previousClose ?? Number.NaN;
    tr.#undoPreviousClose = state.undoPreviousClose ?? Number.NaN;
    tr.result = state.result;
    tr.canUndo = state.canUndo;
    return tr;
  }

  /** Batch form: no warm-up NaN (the first slot is high − low). */
  static fromBatch(columns: HighLowCloseColumns): Float64Array {
    const { high, low, close } = columns;
    const out = new Float64Array(close.length);
    let previousClose = Number.NaN;
    for (let i = 0; i < close.length; i++) {
      out[i] = trueRange(high[i] as number, low[i] as number, previousClose);
      previousClose = close[i] as number;
    }
    return out;
  }
}

