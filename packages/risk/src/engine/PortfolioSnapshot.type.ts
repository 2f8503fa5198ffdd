import type { OrderTimestampWindow } from './OrderTimestampWindow.js';

/**
 * The portfolio as the risk engine sees it: plain numbers the caller maps from its venue's
 * positions and balances. Money is in the quote currency, quantities in the base asset,
 * timestamps in Unix epoch milliseconds (UTC).
 */
export interface PortfolioSnapshot {
  /** Decision time, epoch ms. All time rules (daily loss, order rate, cool-downs) are measured from it. */
  readonly timestamp: number;
  /** Account equity (cash + marked positions), quote currency. */
  readonly equity: number;
  /** Highest equity seen, quote currency; drawdown is `1 - equity / peakEquity`. */
  readonly peakEquity: number;
  /** Equity recorded at `dayStartTimestamp`, quote currency. */
  readonly dayStartEquity: number;
  /** When `dayStartEquity` was recorded, epoch ms. If it is in an earlier UTC day than `timestamp`, the daily loss counts as 0. */
  readonly dayStartTimestamp: number;
  /** Free cash, quote currency (the base of `fixed-fraction` sizing with `basis: 'cash'`). */
  readonly cash: number;
  /** Signed position in this instrument, base units: > 0 long, < 0 short, 0 flat. */
  readonly positionQuantity: number;
  /** Gross notional of every other open position in the account, quote currency (0 for a single-instrument bot). */
  readonly otherExposure: number;
  /** Open (unfilled) orders on the account. */
  readonly openOrderCount: number;
  /**
   * Submission times of recent orders, epoch ms, any order. Only those inside the rate window count.
   * A plain list is scanned on every check; an {@link OrderTimestampWindow} (what a long-running
   * caller should keep) counts in O(1) amortized, whatever `maxOrdersPerWindow` is.
   */
  readonly recentOrderTimestamps: ArrayLike<number> | OrderTimestampWindow;
  /** Realised PnL of recent closed trades, oldest first; the trailing run of values < 0 is the loss streak. */
  readonly recentTradeResults: ArrayLike<number>;
  /** Close time of the newest trade in `recentTradeResults`, epoch ms (NaN when none). */
  readonly lastTradeTimestamp: number;
  /** Time of the last stop-loss fill, epoch ms (NaN when none). */
  readonly lastStopOutTimestamp: number;
}
