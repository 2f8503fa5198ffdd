import type { OrderSide } from '../engine/OrderProposal.type.js';
import { InvalidArgumentError, requireNumber } from '../InvalidArgumentError.js';

/**
 * A trade's result in R, multiples of its initial risk: R = (exit − entry) / (entry − stop) for a long,
 * (entry − exit) / (stop − entry) for a short. A zero initial risk has no R and throws `InvalidArgumentError`.
 *
 * @see Van K. Tharp, "Trade Your Way to Financial Freedom" (2007), R-multiples.
 */
export function rMultiple(side: OrderSide, entryPrice: number, initialStop: number, exitPrice: number): number {
  requireNumber('entryPrice', entryPrice, 0, true);
  requireNumber('initialStop', initialStop, 0);
  requireNumber('exitPrice', exitPrice, 0);
  const risk = side === 'buy' ? entryPrice - initialStop : initialStop - entryPrice;
  if (!(risk > 0)) {
    throw new InvalidArgumentError({ argument: 'initialStop', expected: `a stop on the losing side of entry ${entryPrice} (${side === 'buy' ? 'below' : 'above'} it)`, received: initialStop });
  }
  return (side === 'buy' ? exitPrice - entryPrice : entryPrice - exitPrice) / risk;
}
