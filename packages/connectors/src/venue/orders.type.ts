/** Order, fill, balance, position and market-info shapes shared by every venue (simulated, emulator, ccxt). */

export type OrderSide = 'buy' | 'sell';
export type OrderType = 'market' | 'limit' | 'stop-market' | 'stop-limit';
export type TimeInForce = 'GTC' | 'IOC' | 'FOK';
export type OrderStatus = 'open' | 'partially-filled' | 'filled' | 'canceled' | 'rejected' | 'expired';

/** What the engine asks a venue to do. Quantities are in the base asset, prices in the quote currency. */
export interface OrderRequest {
  /**
   * Idempotency key, deterministic per order intent: a venue that already holds an order with this id
   * returns that order instead of creating a second one.
   */
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly quantity: number;
  /** Limit price (`limit`, `stop-limit`). */
  readonly price?: number;
  /** Trigger price (`stop-market`, `stop-limit`). */
  readonly stopPrice?: number;
  /** May only reduce the position; never opens or flips it. */
  readonly reduceOnly?: boolean;
  readonly timeInForce?: TimeInForce;
  /** Protective exits attached to an entry; placed by the venue once the entry fills. */
  readonly stopLoss?: number;
  readonly takeProfit?: number;
}

export interface Order {
  /** The venue's id. */
  readonly id: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly status: OrderStatus;
  readonly quantity: number;
  readonly filledQuantity: number;
  /** Volume-weighted fill price; NaN while nothing is filled. */
  readonly averageFillPrice: number;
  readonly price: number | undefined;
  readonly stopPrice: number | undefined;
  readonly reduceOnly: boolean;
  /** Epoch ms. */
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface Fill {
  readonly orderId: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly quantity: number;
  readonly price: number;
  /** Fee in `feeCurrency` (the quote currency for the simulated venue). */
  readonly fee: number;
  readonly feeCurrency: string;
  readonly liquidity: 'maker' | 'taker';
  /** Epoch ms. */
  readonly timestamp: number;
}

export interface Balance {
  readonly asset: string;
  readonly free: number;
  /** Held by open orders. */
  readonly used: number;
  readonly total: number;
}

export interface Position {
  readonly symbol: string;
  /** Signed: positive long, negative short, 0 flat. */
  readonly quantity: number;
  /** NaN when flat. */
  readonly averageEntryPrice: number;
  readonly realizedPnl: number;
  readonly unrealizedPnl: number;
}

/** Trading rules of one market. */
export interface MarketInfo {
  readonly symbol: string;
  readonly base: string;
  readonly quote: string;
  /** Smallest price increment. */
  readonly tickSize: number;
  /** Smallest quantity increment (lot size). */
  readonly quantityStep: number;
  readonly minQuantity: number;
  /** Smallest order value in the quote currency. */
  readonly minNotional: number;
  /** Fees as fractions of notional (0.001 = 0.1 %). */
  readonly makerFee: number;
  readonly takerFee: number;
}
