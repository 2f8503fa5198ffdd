import type * as ccxt from 'ccxt';
import type { Order, OrderStatus, OrderType } from '../venue/orders.type.js';

/** ccxt's unified order as our {@link Order}; `fallbackClientOrderId` fills in when the exchange echoes none. */
export function toOrder(order: ccxt.Order, fallbackClientOrderId = ''): Order {
  const quantity = order.amount ?? 0;
  const filledQuantity = order.filled ?? 0;
  const createdAt = order.timestamp ?? 0;
  return {
    id: String(order.id),
    clientOrderId: order.clientOrderId ?? fallbackClientOrderId,
    symbol: order.symbol ?? '',
    side: order.side === 'sell' ? 'sell' : 'buy',
    type: toOrderType(order),
    status: toStatus(order.status, filledQuantity),
    quantity,
    filledQuantity,
    averageFillPrice: filledQuantity > 0 && typeof order.average === 'number' ? order.average : Number.NaN,
    price: typeof order.price === 'number' && order.price > 0 ? order.price : undefined,
    stopPrice: typeof order.triggerPrice === 'number' ? order.triggerPrice : undefined,
    reduceOnly: order.reduceOnly === true,
    createdAt,
    updatedAt: order.lastUpdateTimestamp ?? order.lastTradeTimestamp ?? createdAt,
  };
}

function toOrderType(order: ccxt.Order): OrderType {
  const triggered = typeof order.triggerPrice === 'number';
  const limit = order.type === 'limit' || order.type?.endsWith('_limit') === true;
  if (triggered) return limit ? 'stop-limit' : 'stop-market';
  return limit ? 'limit' : 'market';
}

// ccxt statuses: open, closed, canceled, expired, rejected.
function toStatus(status: string | undefined, filled: number): OrderStatus {
  switch (status) {
    case 'closed':
      return 'filled';
    case 'canceled':
    case 'cancelled':
      return 'canceled';
    case 'expired':
      return 'expired';
    case 'rejected':
      return 'rejected';
    default:
      return filled > 0 ? 'partially-filled' : 'open';
  }
}
