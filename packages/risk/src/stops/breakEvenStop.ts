import type { OrderSide } from '../engine/OrderProposal.type.js';
import { requireNumber } from '../InvalidArgumentError.js';

/** Inputs of {@link breakEvenStop}. Prices in quote per base. */
export interface BreakEvenInput {
  /** Side that opened the position. */
  readonly side: OrderSide;
  readonly entryPrice: number;
  /** The stop now in force. */
  readonly currentStop: number;
  /** Current price. */
  readonly price: number;
  /** Initial risk per unit, |entry − initial stop| (1 R), > 0. */
  readonly initialRisk: number;
  /** Profit in R that triggers the move (default 1). */
  readonly triggerR?: number;
  /** Distance beyond entry for the new stop, e.g. to cover fees (default 0). */
  readonly offset?: number;
}

/**
 * Moves the stop to break-even (entry ± offset) once open profit reaches `triggerR` × the initial risk.
 * The stop never loosens: a long keeps the higher of the two, a short the lower.
 */
export function breakEvenStop(input: BreakEvenInput): number {
  const { side, entryPrice, currentStop, price, initialRisk, triggerR = 1, offset = 0 } = input;
  requireNumber('entryPrice', entryPrice, 0, true);
  requireNumber('price', price, 0, true);
  requireNumber('initialRisk', initialRisk, 0, true);
  requireNumber('triggerR', triggerR, 0);
  requireNumber('offset', offset, 0);
  const profit = side === 'buy' ? price - entryPrice : entryPrice - price;
  if (profit < triggerR * initialRisk) return currentStop;
  return side === 'buy' ? Math.max(currentStop, entryPrice + offset) : Math.min(currentStop, entryPrice - offset);
}
