import type { Fill } from '@ares/connectors';
import type { Bar } from '@ares/features';
import { OrderTimestampWindow, type PortfolioSnapshot } from '@ares/risk';

const DAY_MS = 86_400_000;
/** Closed-trade results kept for the risk engine's loss-streak cool-down. */
const TRADE_HISTORY = 32;

/** The engine's own books, checkpointed with the engine. */
export interface PortfolioState {
  cash: number;
  position: number;
  /** NaN (null in JSON) when flat. */
  averageEntry: number | null;
  mark: number | null;
  peakEquity: number;
  dayStartEquity: number;
  dayStartTimestamp: number | null;
  tradePnl: number;
  tradeResults: number[];
  lastTradeTimestamp: number | null;
  lastStopOutTimestamp: number | null;
  /** Recent order times, oldest first. */
  orderTimestamps: number[];
}

/**
 * Cash, one signed position at average cost, and the history the risk limits need, updated from fills
 * and marks. It is also the `PortfolioSnapshot` handed to the risk engine (one object, updated in place).
 * Fees are assumed in the quote currency, as the simulated exchange and spot venues report them.
 */
export class EnginePortfolio implements PortfolioSnapshot {
  timestamp = 0;
  cash = 0;
  positionQuantity = 0;
  averageEntry = Number.NaN;
  mark = Number.NaN;
  peakEquity = 0;
  dayStartEquity = 0;
  dayStartTimestamp = Number.NaN;
  readonly otherExposure = 0;
  /** The engine does not see resting orders; the venue enforces its own open-order limits. */
  readonly openOrderCount = 0;
  /** Order times inside the rate window (the risk engine drops older ones as it checks): O(1) amortized, any `maxOrdersPerWindow`. */
  readonly recentOrderTimestamps = new OrderTimestampWindow();
  recentTradeResults: Float64Array = new Float64Array(0);
  lastTradeTimestamp = Number.NaN;
  lastStopOutTimestamp = Number.NaN;
  readonly #trades = new Float64Array(TRADE_HISTORY);
  #tradeCount = 0;
  #equity = 0;
  /** Realised PnL, fees included, of the trade in progress (from flat to flat). */
  #tradePnl = 0;

  /** Cash + position marked at the last price (entry price before any mark). */
  get equity(): number {
    return this.#equity;
  }

  /** `out[index] = equity`, for the backtest's equity curve. */
  writeEquity(out: Float64Array, index: number): void {
    out[index] = this.#equity;
  }

  /**
   * Recomputes the equity after cash, position or mark changed. Kept in a field rather than computed by
   * the getter: the hot path reads it every bar, and a getter V8 does not inline boxes its double result.
   */
  #updateEquity(): void {
    if (this.positionQuantity === 0) this.#equity = this.cash;
    else this.#equity = this.cash + this.positionQuantity * (Number.isNaN(this.mark) ? this.averageEntry : this.mark);
  }

  /** Sets cash and position (e.g. from the venue at start). */
  sync(cash: number, position: number, averageEntry: number): void {
    this.cash = cash;
    this.positionQuantity = position;
    this.averageEntry = position === 0 ? Number.NaN : averageEntry;
    this.#updateEquity();
    // A resumed engine keeps its peak and day start; a fresh one starts them here.
    this.peakEquity = Math.max(this.peakEquity, this.equity);
    if (Number.isNaN(this.dayStartTimestamp)) this.dayStartEquity = this.equity;
  }

  /** Marks the position at `price` and moves the peak. */
  markTo(price: number): void {
    this.mark = price;
    this.#updateEquity();
    if (this.#equity > this.peakEquity) this.peakEquity = this.#equity;
  }

  /**
   * A bar closed: the decision time is its open + `timeframeMs`. The day-start equity is taken before
   * the bar's move, then the position is marked at its close. (The bar, not two doubles, crosses the
   * call: V8 boxes a double argument of a call it does not inline.)
   */
  onBar(bar: Bar, timeframeMs: number): void {
    this.setTime(bar.timestamp + timeframeMs);
    this.markTo(bar.close);
  }

  /** Sets the decision time; at the first time of a new UTC day the day-start equity is the equity then. */
  setTime(time: number): void {
    this.timestamp = time;
    if (Number.isNaN(this.dayStartTimestamp) || Math.floor(time / DAY_MS) !== Math.floor(this.dayStartTimestamp / DAY_MS)) {
      this.dayStartTimestamp = time;
      this.dayStartEquity = this.equity;
    }
  }

  recordOrder(time: number): void {
    this.recentOrderTimestamps.record(time);
  }

  /** Average-cost accounting of one fill; a trade ends when the position returns to (or crosses) zero. */
  applyFill(fill: Fill): void {
    const signed = fill.side === 'buy' ? fill.quantity : -fill.quantity;
    const before = this.positionQuantity;
    this.cash -= signed * fill.price + fill.fee;
    this.#tradePnl -= fill.fee;
    const after = before + signed;
    if (before === 0 || Math.sign(before) === Math.sign(signed)) {
      this.averageEntry = before === 0 ? fill.price : (Math.abs(before) * this.averageEntry + fill.quantity * fill.price) / (Math.abs(before) + fill.quantity);
    } else {
      const closed = Math.min(fill.quantity, Math.abs(before));
      this.#tradePnl += closed * (fill.price - this.averageEntry) * Math.sign(before);
      // A position within a rounding error of zero is flat.
      const flat = Math.abs(after) <= 1e-12 * Math.max(1, Math.abs(before));
      if (flat || Math.sign(after) !== Math.sign(before)) {
        this.#endTrade(fill);
        this.averageEntry = flat ? Number.NaN : fill.price;
      }
      if (flat) {
        this.positionQuantity = 0;
        this.#afterFill(fill.price);
        return;
      }
    }
    this.positionQuantity = after;
    this.#afterFill(fill.price);
  }

  #afterFill(price: number): void {
    if (Number.isNaN(this.mark)) this.mark = price;
    this.#updateEquity();
    if (this.#equity > this.peakEquity) this.peakEquity = this.#equity;
  }

  #endTrade(fill: Fill): void {
    if (this.#tradeCount === TRADE_HISTORY) this.#trades.copyWithin(0, 1);
    else {
      // A new view only while the history grows: once full, the same view sees the shifted values.
      this.#tradeCount++;
      this.recentTradeResults = this.#trades.subarray(0, this.#tradeCount);
    }
    this.#trades[this.#tradeCount - 1] = this.#tradePnl;
    this.#tradePnl = 0;
    this.lastTradeTimestamp = fill.timestamp;
    // The simulated exchange names an attached stop-loss leg `<entry id>:sl`.
    if (fill.clientOrderId.endsWith(':sl')) this.lastStopOutTimestamp = fill.timestamp;
  }

  getState(): PortfolioState {
    return {
      cash: this.cash,
      position: this.positionQuantity,
      averageEntry: nullIfNaN(this.averageEntry),
      mark: nullIfNaN(this.mark),
      peakEquity: this.peakEquity,
      dayStartEquity: this.dayStartEquity,
      dayStartTimestamp: nullIfNaN(this.dayStartTimestamp),
      tradePnl: this.#tradePnl,
      tradeResults: Array.from(this.recentTradeResults),
      lastTradeTimestamp: nullIfNaN(this.lastTradeTimestamp),
      lastStopOutTimestamp: nullIfNaN(this.lastStopOutTimestamp),
      orderTimestamps: this.recentOrderTimestamps.toArray(),
    };
  }

  restore(state: PortfolioState): void {
    this.cash = state.cash;
    this.positionQuantity = state.position;
    this.averageEntry = state.averageEntry ?? Number.NaN;
    this.mark = state.mark ?? Number.NaN;
    this.peakEquity = state.peakEquity;
    this.dayStartEquity = state.dayStartEquity;
    this.dayStartTimestamp = state.dayStartTimestamp ?? Number.NaN;
    this.#tradePnl = state.tradePnl;
    const results = state.tradeResults.slice(-TRADE_HISTORY);
    this.#trades.set(results);
    this.#tradeCount = results.length;
    this.recentTradeResults = this.#trades.subarray(0, this.#tradeCount);
    this.lastTradeTimestamp = state.lastTradeTimestamp ?? Number.NaN;
    this.lastStopOutTimestamp = state.lastStopOutTimestamp ?? Number.NaN;
    this.#updateEquity();
    this.recentOrderTimestamps.clear();
    for (const time of state.orderTimestamps) this.recentOrderTimestamps.record(time);
  }
}

function nullIfNaN(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}
