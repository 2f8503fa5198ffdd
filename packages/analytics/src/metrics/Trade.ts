/** One closed round-trip trade, as a backtester or a live journal reports it. Times are epoch ms (UTC). */
export type Trade = {
  readonly entryTime: number;
  readonly exitTime: number;
  readonly side: 'long' | 'short';
  /** Base-currency quantity, > 0 for both sides. */
  readonly quantity: number;
  readonly entryPrice: number;
  readonly exitPrice: number;
  /** Realized profit in quote currency, NET of fees. */
  readonly pnl: number;
  /** Fees paid on both legs, quote currency (already inside `pnl`). */
  readonly fees: number;
  /** Net return of the trade as a fraction of its entry notional (0.05 = +5 %). */
  readonly returnPct: number;
  /** Optional initial risk in quote currency (entry to stop × quantity), > 0: enables expectancy in R. */
  readonly risk?: number;
};
