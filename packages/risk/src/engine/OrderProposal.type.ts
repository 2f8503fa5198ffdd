/** Buy or sell, from the account's point of view. */
export type OrderSide = 'buy' | 'sell';

/**
 * What the order is for.
 * - `entry`: open or add exposure; the engine sizes it with the configured sizing method.
 * - `exit`: close the whole position; the side must oppose the position.
 * - `reduce`: cut the position by `quantity` (reduce-only); clamped to the position, never enlarged.
 */
export type OrderIntent = 'entry' | 'exit' | 'reduce';

/** An order the strategy wants to place, before risk. Prices in quote per base, quantities in base units. */
export interface OrderProposal {
  readonly side: OrderSide;
  readonly intent: OrderIntent;
  /** Limit price, or the expected fill price of a market order. */
  readonly price: number;
  /** `reduce` only: the quantity to take off the position. */
  readonly quantity?: number;
  /** Distance from entry to stop-loss, quote per base. Overrides the stop computed from `stops.stopLoss`. */
  readonly stopDistance?: number;
  /** Current ATR, quote per base: needed by ATR-based stops. */
  readonly atr?: number;
  /** Probability that this trade wins (a classifier's output), in [0, 1]; Kelly sizing uses it over `sizing.winProbability`. */
  readonly probability?: number;
  /** Expected win / expected loss of this trade (b); Kelly sizing uses it over `sizing.payoffRatio`. */
  readonly payoffRatio?: number;
  /** Per-bar volatility of returns (e.g. from `EwmaVolatility`), a fraction: target-volatility sizing needs it. */
  readonly volatility?: number;
}
