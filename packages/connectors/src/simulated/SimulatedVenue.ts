import type { Clock } from '@ares/pipeline-kit';
import type { ExecutionVenue } from '../venue/ExecutionVenue.js';
import type { Balance, Fill, MarketInfo, Order, OrderRequest, Position } from '../venue/orders.type.js';
import type { SimulatedExchange } from './SimulatedExchange.js';

/**
 * The `ExecutionVenue` face of a {@link SimulatedExchange}, for paper trading and the runner: the same
 * interface as the ccxt venue, so the engine cannot tell them apart. Order times come from `clock`;
 * whoever drives the market calls `exchange.processBar` as bars close. Errors become rejections.
 */
export class SimulatedVenue implements ExecutionVenue {
  readonly #exchange: SimulatedExchange;
  readonly #clock: Clock;

  constructor(exchange: SimulatedExchange, clock: Clock) {
    this.#exchange = exchange;
    this.#clock = clock;
  }

  get name(): string {
    return this.#exchange.name;
  }

  /** The exchange behind the venue (to feed it bars, read equity or checkpoint it). */
  get exchange(): SimulatedExchange {
    return this.#exchange;
  }

  async createOrder(request: OrderRequest): Promise<Order> {
    return this.#exchange.submit(request, this.#clock.now());
  }

  async cancelOrder(symbol: string, orderId: string): Promise<Order> {
    return this.#exchange.cancel(symbol, orderId, this.#clock.now());
  }

  async fetchOrder(symbol: string, id: { orderId: string } | { clientOrderId: string }): Promise<Order> {
    return this.#exchange.getOrder(symbol, id);
  }

  async fetchOpenOrders(symbol?: string): Promise<Order[]> {
    return this.#exchange.openOrders(symbol);
  }

  async fetchBalances(): Promise<Balance[]> {
    return this.#exchange.balances();
  }

  async fetchPositions(): Promise<Position[]> {
    return this.#exchange.positions();
  }

  async getMarketInfo(symbol: string): Promise<MarketInfo> {
    return this.#exchange.marketInfo(symbol);
  }

  onFill(listener: (fill: Fill) => void): () => void {
    return this.#exchange.onFill(listener);
  }
}
