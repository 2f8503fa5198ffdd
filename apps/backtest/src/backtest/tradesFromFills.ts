import type { Trade } from '@ares/analytics';
import type { Fill } from '@ares/connectors';

/** A round trip not closed yet (the position at the end of the fills). */
export interface OpenTrade {
  side: 1 | -1;
  entryTime: number;
  quantity: number;
  entryNotional: number;
  exitQuantity: number;
  exitNotional: number;
  fees: number;
}

/** A fill of `quantity` closes at most the open quantity; the rest opens the opposite side. */
const EPSILON = 1e-12;

/**
 * Pairs fills into round trips: a trade opens when the position leaves zero and closes when it returns
 * to zero (a fill that crosses zero closes one trade and opens the next with the remainder). Prices are
 * quantity-weighted averages over each leg's fills; fees are split by quantity where a fill is split;
 * pnl is net of both legs' fees; returnPct is pnl over the entry notional.
 */
export function tradesFromFills(fills: readonly Fill[]): { trades: Trade[]; open: OpenTrade | null } {
  const trades: Trade[] = [];
  let open: OpenTrade | null = null;
  for (const fill of fills) {
    const sign = fill.side === 'buy' ? 1 : -1;
    let quantity = fill.quantity;
    const feePerUnit = fill.quantity > 0 ? fill.fee / fill.quantity : 0;
    if (open !== null && sign !== open.side) {
      const closing = Math.min(quantity, open.quantity - open.exitQuantity);
      open.exitQuantity += closing;
      open.exitNotional += closing * fill.price;
      open.fees += closing * feePerUnit;
      quantity -= closing;
      if (open.quantity - open.exitQuantity <= EPSILON * open.quantity) {
        trades.push(closeTrade(open, fill.timestamp));
        open = null;
      }
    }
    if (quantity <= EPSILON * fill.quantity) continue;
    if (open === null) {
      open = { side: sign, entryTime: fill.timestamp, quantity: 0, entryNotional: 0, exitQuantity: 0, exitNotional: 0, fees: 0 };
    }
    open.quantity += quantity;
    open.entryNotional += quantity * fill.price;
    open.fees += quantity * feePerUnit;
  }
  return { trades, open };
}

function closeTrade(t: OpenTrade, exitTime: number): Trade {
  const entryPrice = t.entryNotional / t.quantity;
  const exitPrice = t.exitNotional / t.exitQuantity;
  const gross = t.side * (t.exitNotional - t.entryNotional);
  const pnl = gross - t.fees;
  return {
    entryTime: t.entryTime,
    exitTime,
    side: t.side > 0 ? 'long' : 'short',
    quantity: t.quantity,
    entryPrice,
    exitPrice,
    pnl,
    fees: t.fees,
    returnPct: pnl / t.entryNotional,
  };
}
