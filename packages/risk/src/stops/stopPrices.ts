import type { OrderSide } from '../engine/OrderProposal.type.js';
import { requireNumber } from '../InvalidArgumentError.js';

/**
 * Stop-loss price for a position opened by `side` at `entryPrice`: below entry for a buy (long),
 * above for a sell (short). A long stop never goes below 0.
 */
export function stopLossPrice(side: OrderSide, entryPrice: number, distance: number): number {
  requireNumber('entryPrice', entryPrice, 0, true);
  requireNumber('distance', distance, 0);
  return stopLossAt(side, entryPrice, distance);
}

/** Take-profit price for a position opened by `side` at `entryPrice`: above entry for a long, below for a short (never below 0). */
export function takeProfitPrice(side: OrderSide, entryPrice: number, distance: number): number {
  requireNumber('entryPrice', entryPrice, 0, true);
  requireNumber('distance', distance, 0);
  return takeProfitAt(side, entryPrice, distance);
}

// The formulas without the argument checks, for the risk engine: it validates prices and distances once
// per proposal, and on an order tick every check is more code fetched cold.

/** {@link stopLossPrice} for arguments already checked. */
export function stopLossAt(side: OrderSide, entryPrice: number, distance: number): number {
  return side === 'buy' ? Math.max(0, entryPrice - distance) : entryPrice + distance;
}

/** {@link takeProfitPrice} for arguments already checked. */
export function takeProfitAt(side: OrderSide, entryPrice: number, distance: number): number {
  return side === 'buy' ? entryPrice + distance : Math.max(0, entryPrice - distance);
}
