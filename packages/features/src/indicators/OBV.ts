import type { HighLowCloseVolume, HighLowCloseVolumeColumns } from './Indicator.js';
import { NumericIndicatorBase } from './IndicatorBase.js';

/** The fields OBV reads. */
export type CloseVolume = Pick<HighLowCloseVolume, 'close' | 'volume'>;

export interface OBVState {
  previousClose: number | null;
  value: number;
  undo: { previousClose: number | null; value: number };
  canUndo: boolean;
}

/**
 * On-balance volume (Granville): starts at 0 on the first bar, then adds the bar's volume when the close
 * rises, subtracts it when the close falls, keeps it when unchanged. Warm-up: 1 bar.
 * (Some libraries start at the first bar's volume; only the constant offset differs.)
 * @see https://school.stockcharts.com/doku.php?id=technical_indicators:on_balance_volume_obv
 */
export class OBV extends NumericIndicatorBase<CloseVolume> {
  #previousClose = Number.NaN;
  #value = 0;
  #undoPreviousClose = Number.NaN;
  #undoValue = 0;

  add(bar: CloseVolume): number {
    this.canUndo = true;
    // Undo information for `replace` (saving again after a restore stores the same state).
    this.#undoPreviousClose = this.#previousClose;
    this.#undoValue = this.#value;
    const previous = this.#previousClose;
    if (bar.close > previous) this.#value += bar.volume;
    else if (bar.close < previous) this.#value -= bar.volume;
    this.#previousClose = bar.close;
    this.value = this.#value;
    this.stable = true;
    return this.#value;
  }

  protected restore(): void {
    this.#previousClose = this.#undoPreviousClose;
    this.#value = this.#undoValue;
  }

  getRequiredInputs(): number {
    return 1;
  }

  reset(): void {
    this.#previousClose = Number.NaN;
    this.#value = 0;
    this.result = null;
    this.canUndo = false;
  }

  getState(): OBVState {
    const json = (v: number): number | null => (Number.isNaN(v) ? null : v);
    return {
      previousClose: json(this.#previousClose),
      value: this.#value,
      undo: { previousClose: json(this.#undoPreviousClose), value: this.#undoValue },
      canUndo: this.canUndo,
    };
  }

  static fromState(state: OBVState): OBV {
    const obv = new OBV();
    obv.#previousClose = state.previousClose ?? Number.NaN;
    obv.#value = state.value;
    obv.#undoPreviousClose = state.undo.previousClose ?? Number.NaN;
    obv.#undoValue = state.undo.value;
    obv.canUndo = state.canUndo;
    if (state.previousClose !== null) obv.result = state.value;
    return obv;
  }

  /** Batch form: no warm-up NaN. */
  static fromBatch(columns: Pick<HighLowCloseVolumeColumns, 'close' | 'volume'>): Float64Array {
    const { close, volume } = columns;
    const out = new Float64Array(close.length);
    let previous = Number.NaN;
    let value = 0;
    for (let i = 0; i < close.length; i++) {
      const c = close[i] as number;
      if (c > previous) value += volume[i] as number;
      else if (c < previous) value -= volume[i] as number;
      previous = c;
      out[i] = value;
    }
    return out;
  }
}
