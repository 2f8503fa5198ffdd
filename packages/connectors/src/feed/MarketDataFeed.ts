import type { Bar, BarSeries } from '@ares/features';

export interface Ticker {
  readonly symbol: string;
  /** Epoch ms. */
  readonly timestamp: number;
  readonly bid: number;
  readonly ask: number;
  readonly last: number;
}

/** Market data for the engine: history, closed bars as they complete, top of book. */
export interface MarketDataFeed {
  readonly name: string;
  /**
   * Bars of `timeframe` with `since <= timestamp < until` (epoch ms, bar open times), fetched page by
   * page as the source requires, in ascending order without duplicates.
   */
  fetchBars(symbol: string, timeframe: string, since: number, until: number): Promise<BarSeries>;
  /** Each bar once it has closed, in order, until `signal` aborts. */
  watchClosedBars(symbol: string, timeframe: string, signal: AbortSignal): AsyncIterable<Bar>;
  fetchTicker(symbol: string): Promise<Ticker>;
}
