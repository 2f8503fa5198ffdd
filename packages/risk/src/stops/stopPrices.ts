import type { OrderSide } from '../engine/OrderProposal.type.js';
import { requireNumber } from '../InvalidArgumentError.js';

/**
 * Stop-loss price for a position opened by `side` at `entryPrice`: below entry for a buy (long),
 * above for a sell (short). A long stop never goes below 0.
 */
export function stopLossPrice(side: OrderSide, entryPrice: number, distance: number): number {
  requireNumber('entryPrice', entryPrice, 0, true);
  requireNumber('distance', distance, 0);
  return side === 'buy' ? Math.max(0, entryPrice - distance) : entryPrice + distance;
}

/** Take-profit price for a position opened by `side` at `entryPrice`: above entry for a long, below for a short (never below 0). */
export function takeProfitPrice(side: OrderSide, entryPrice: number, distance: number): number {
  requireNumber('entryPrice', entryPrice, 0, true);
  requireNumber('distance', distance, 0);
  return side === 'buy' ? entryPrice + distance : Math.max(0, entryPrice - distance);
}
