/**
 * One OHLCV candle. `timestamp` is the bar's open time in Unix epoch milliseconds, UTC.
 * Prices are in the quote currency, volume in the base asset.
 */
export interface Bar {
  readonly timestamp: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** The OHLCV column names, in file order. */
export const BAR_COLUMNS = ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const;
export type BarColumn = (typeof BAR_COLUMNS)[number];
