import type { Balance, Fill, MarketInfo, Order, OrderRequest, Position } from './orders.type.js';

/**
 * Where orders go: the simulated exchange (backtest, paper), the local emulator, or a real exchange
 * through ccxt (live). Failures reject with an `ExchangeError` subclass that says whether a retry may help.
 */
export interface ExecutionVenue {
  readonly name: string;
  createOrder(request: OrderRequest): Promise<Order>;
  cancelOrder(symbol: string, orderId: string): Promise<Order>;
  /** Looks an order up by the venue's id or by its client order id. */
  fetchOrder(symbol: string, id: { orderId: string } | { clientOrderId: string }): Promise<Order>;
  fetchOpenOrders(symbol?: string): Promise<Order[]>;
  fetchBalances(): Promise<Balance[]>;
  fetchPositions(): Promise<Position[]>;
  getMarketInfo(symbol: string): Promise<MarketInfo>;
  /** Subscribes to fills; returns the unsubscribe function. */
  onFill(listener: (fill: Fill) => void): () => void;
}
