import { requireNumber } from '../InvalidArgumentError.js';

/**
 * Quantity that loses `riskFraction` of equity if the stop is hit: q = riskFraction × equity / stopDistance.
 * Equity <= 0, or a stop distance that is zero, negative or NaN, returns 0 (no position, never NaN or negative).
 *
 * @see Van K. Tharp, "Trade Your Way to Financial Freedom" (2007), position sizing by risk per trade.
 */
export function riskPerTradeQuantity(equity: number, riskFraction: number, stopDistance: number): number {
  requireNumber('riskFraction', riskFraction, 0);
  if (!(equity > 0) || !(stopDistance > 0) || !Number.isFinite(equity) || !Number.isFinite(stopDistance)) return 0;
  return (riskFraction * equity) / stopDistance;
}
