import type { OrderSide } from '../engine/OrderProposal.type.js';
import { requireNumber } from '../InvalidArgumentError.js';

/**
 * Ratchets a trailing stop for a position opened by `side`: the candidate is `price − distance`
 * for a long and `price + distance` for a short, and the stop only ever moves in the position's
 * favour (up for a long, down for a short). Pass NaN as `currentStop` to start trailing.
 * Use `stopDistance(spec, price, atr)` for a percent or ATR distance.
 */
export function trailStop(side: OrderSide, currentStop: number, price: number, distance: number): number {
  requireNumber('price', price, 0, true);
  requireNumber('distance', distance, 0);
  if (side === 'buy') {
    const candidate = Math.max(0, price - distance);
    return candidate > currentStop || Number.isNaN(currentStop) ? candidate : currentStop;
  }
  const candidate = price + distance;
  return candidate < currentStop || Number.isNaN(currentStop) ? candidate : currentStop;
}
