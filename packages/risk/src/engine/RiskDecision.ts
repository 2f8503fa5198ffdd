import type { OrderSide } from './OrderProposal.type.js';

/**
 * Why an order was denied (or, in `adjustments`, which cap or rounding shrank it).
 * Each limit has exactly one code; the README lists them with their rules.
 */
export type ReasonCode =
  | 'invalid-snapshot'
  | 'invalid-proposal'
  | 'non-positive-equity'
  | 'kill-switch'
  | 'max-drawdown'
  | 'daily-loss'
  | 'max-position-fraction'
  | 'max-notional'
  | 'max-leverage'
  | 'max-exposure'
  | 'max-open-orders'
  | 'order-rate'
  | 'cooldown-losses'
  | 'cooldown-stop-out'
  | 'no-cash'
  | 'zero-edge'
  | 'missing-probability'
  | 'missing-payoff'
  | 'no-volatility'
  | 'no-stop-distance'
  | 'no-position'
  | 'not-reducing'
  | 'below-min-quantity'
  | 'below-min-notional';

/** How an approved quantity or price was changed from what was asked or sized. */
export type AdjustmentCode =
  | 'max-position-fraction'
  | 'max-notional'
  | 'max-leverage'
  | 'max-exposure'
  | 'kelly-cap'
  | 'clamped-to-position'
  | 'lot-step'
  | 'price-tick';

/**
 * The engine's answer. A denial is a value (`approved: false` with reasons), never an exception.
 *
 * The object is owned by the engine and reused: the next `evaluate` call overwrites it (this keeps
 * the per-tick path free of allocation). Copy what you keep, e.g. with `copyDecision`.
 */
export interface RiskDecision {
  /** True when the order may be sent as `side` / `quantity` / `price`. */
  approved: boolean;
  side: OrderSide;
  /** Base units, a multiple of the lot step, >= 0; 0 when denied. Never NaN. */
  quantity: number;
  /** The proposal's price rounded to the tick, direction-aware (buy down, sell up). */
  price: number;
  /** True for `exit` and `reduce` intents: send the order reduce-only. */
  reduceOnly: boolean;
  /** True when a tripped limit (drawdown or kill switch, as configured) asks the caller to close the position. */
  flatten: boolean;
  /** Stop-loss price for an approved entry when `stops.stopLoss` is configured (or a stop distance was given), else null. */
  stopLoss: number | null;
  /** Take-profit price for an approved entry when `stops.takeProfit` is configured, else null. */
  takeProfit: number | null;
  /** Why the order was denied; empty when approved. */
  readonly reasons: ReasonCode[];
  /** Caps and roundings that changed the quantity or price. */
  readonly adjustments: AdjustmentCode[];
}

/** A detached copy of a decision, safe to keep after the engine's next call. */
export function copyDecision(decision: RiskDecision): RiskDecision {
  return { ...decision, reasons: decision.reasons.slice(), adjustments: decision.adjustments.slice() };
}
