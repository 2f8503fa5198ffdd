import type { HighLowCloseVolume, HighLowCloseVolumeColumns, Indicator } from './Indicator.js';

/**
 * Batch form by driving a fresh streaming instance over the column: used where the streaming step is
 * already a handful of operations (the benchmark prints both forms), and bitwise equal by construction.
 */
export function batchOf(indicator: Indicator<number, number>, values: Float64Array): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = indicator.add(values[i] as number) ?? Number.NaN;
  return out;
}

/** {@link batchOf} for bar-input indicators; one reused input object. `volume` may be absent (read as 0). */
export function batchOfBars(
  indicator: Indicator<number, HighLowCloseVolume>,
  columns: Omit<HighLowCloseVolumeColumns, 'volume'> & { readonly volume?: Float64Array },
): Float64Array {
  const { high, low, close, volume } = columns;
  const n = close.length;
  const out = new Float64Array(n);
  const bar = { high: 0, low: 0, close: 0, volume: 0 };
  for (let i = 0; i < n; i++) {
    bar.high = high[i] as number;
    bar.low = low[i] as number;
    bar.close = close[i] as number;
    bar.volume = volume === undefined ? 0 : (volume[i] as number);
    out[i] = indicator.add(bar) ?? Number.NaN;
  }
  return out;
}
