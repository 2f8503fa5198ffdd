import type * as ccxt from 'ccxt';
import { ExchangeError } from '../errors/ExchangeError.js';
import type { ExecutionVenue } from '../venue/ExecutionVenue.js';
import type { Balance, Fill, MarketInfo, Order, OrderRequest, Position } from '../venue/orders.type.js';
import type { CcxtConnectionOptions } from './CcxtConnection.js';
import { CcxtConnection } from './CcxtConnection.js';
import { toOrder } from './toOrder.js';

export interface CcxtVenueOptions extends CcxtConnectionOptions {
  /** Environment variable holding the API key. Default `<EXCHANGEID>_API_KEY`, e.g. `BINANCE_API_KEY`. */
  readonly apiKeyEnv?: string;
  /** Environment variable holding the API secret. Default `<EXCHANGEID>_SECRET`. */
  readonly secretEnv?: string;
  /** Environment variable holding the API passphrase, for exchanges that need one (okx, kucoin). Default: none. */
  readonly passwordEnv?: string;
  /** Where the variables are read. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const DERIVATIVE_TYPES: ReadonlySet<string> = new Set(['swap', 'future', 'delivery', 'linear', 'inverse', 'margin']);

/**
 * An {@link ExecutionVenue} on any ccxt exchange. API keys come only from environment variables.
 * Every call runs under our request budget and ccxt's rate limiter, and is retried on network
 * errors, timeouts, 429 and 5xx. Order creation is idempotent: the request's `clientOrderId` goes to
 * the exchange (ccxt's unified `clientOrderId` param, e.g. Binance `newClientOrderId`), and after a
 * failure that may hide an accepted order (timeout, lost response, 5xx) the order is looked up by that
 * id before it is ever sent again.
 *
 * @throws ExchangeError (kind `authentication`) naming a missing environment variable.
 * @throws ConnectorOptionError for an unknown exchange id or a bad option.
 */
export function createCcxtVenue(options: CcxtVenueOptions): ExecutionVenue {
  const env = options.env ?? process.env;
  const prefix = options.exchangeId.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  const credentials: Record<string, string> = {
    apiKey: readSecret(env, options.apiKeyEnv ?? `${prefix}_API_KEY`, options.exchangeId),
    secret: readSecret(env, options.secretEnv ?? `${prefix}_SECRET`, options.exchangeId),
  };
  if (options.passwordEnv !== undefined) credentials.password = readSecret(env, options.passwordEnv, options.exchangeId);
  return new CcxtVenue(new CcxtConnection(options, credentials));
}

function readSecret(env: Readonly<Record<string, string | undefined>>, name: string, venue: string): string {
  const value = env[name];
  if (value === undefined || value === '')
    throw new ExchangeError({
      kind: 'authentication',
      venue,
      message: `Missing API credential for "${venue}": set the environment variable "${name}" (keys are read only from the environment).`,
    });
  return value;
}

class CcxtVenue implements ExecutionVenue {
  readonly name: string;
  readonly #conn: CcxtConnection;
  readonly #listeners = new Set<(fill: Fill) => void>();
  /** Last seen filled quantity, average price and cumulative fee per order id, to turn fill progress into fills. */
  readonly #seen = new Map<string, { filled: number; average: number; fee: number }>();

  constructor(conn: CcxtConnection) {
    this.#conn = conn;
    this.name = `ccxt:${conn.venue}`;
    // A venue asks for all open orders on purpose; ccxt's binance otherwise refuses without a symbol.
    conn.exchange.options.warnOnFetchOpenOrdersWithoutSymbol = false;
  }

  async createOrder(request: OrderRequest): Promise<Order> {
    await this.#conn.loadMarkets();
    const { symbol, side, quantity, clientOrderId } = request;
    const type = request.type === 'market' || request.type === 'stop-market' ? 'market' : 'limit';
    const params: Record<string, unknown> = { clientOrderId };
    if (request.stopPrice !== undefined) params.triggerPrice = request.stopPrice;
    if (request.reduceOnly === true) params.reduceOnly = true;
    if (request.timeInForce !== undefined) params.timeInForce = request.timeInForce;
    if (request.stopLoss !== undefined) params.stopLoss = { triggerPrice: request.stopLoss };
    if (request.takeProfit !== undefined) params.takeProfit = { triggerPrice: request.takeProfit };
    let mayExist = false;
    const order = await this.#conn.retrying(async () => {
      if (mayExist) {
        const existing = await this.#findByClientOrderId(symbol, clientOrderId);
        if (existing !== undefined) return existing;
      }
      try {
        // ccxt mutates params; give each attempt its own copy.
        return await this.#conn.once((ex) => ex.createOrder(symbol, type, side, quantity, request.price, { ...params }));
      } catch (error) {
        if (CcxtConnection.isAmbiguous(error)) mayExist = true;
        throw error;
      }
    });
    return this.#observe(order, clientOrderId);
  }

  /** After a failure that may hide a done cancel, the order is fetched first: a canceled order is the answer. */
  async cancelOrder(symbol: string, orderId: string): Promise<Order> {
    await this.#conn.loadMarkets();
    let mayBeDone = false;
    const order = await this.#conn.retrying(async () => {
      if (mayBeDone) {
        const current = await this.#conn.once((ex) => ex.fetchOrder(orderId, symbol));
        if (toOrder(current).status === 'canceled') return current;
      }
      try {
        return await this.#conn.once((ex) => ex.cancelOrder(orderId, symbol));
      } catch (error) {
        if (CcxtConnection.isAmbiguous(error)) mayBeDone = true;
        throw error;
      }
    });
    return this.#observe(order);
  }

  async fetchOrder(symbol: string, id: { orderId: string } | { clientOrderId: string }): Promise<Order> {
    await this.#conn.loadMarkets();
    if ('orderId' in id) return this.#observe(await this.#conn.call((ex) => ex.fetchOrder(id.orderId, symbol)));
    const order = await this.#conn.retrying(() => this.#findByClientOrderId(symbol, id.clientOrderId));
    if (order === undefined)
      throw new ExchangeError({
        kind: 'order-not-found',
        venue: this.#conn.venue,
        message: `${this.#conn.venue}: no order with client order id "${id.clientOrderId}" on "${symbol}".`,
      });
    return this.#observe(order, id.clientOrderId);
  }

  async fetchOpenOrders(symbol?: string): Promise<Order[]> {
    await this.#conn.loadMarkets();
    const orders = await this.#conn.call((ex) => ex.fetchOpenOrders(symbol));
    return orders.map((order) => this.#observe(order));
  }

  async fetchBalances(): Promise<Balance[]> {
    const balances = await this.#conn.call((ex) => ex.fetchBalance());
    const result: Balance[] = [];
    const free = (balances.free ?? {}) as unknown as Record<string, number | undefined>;
    const used = (balances.used ?? {}) as unknown as Record<string, number | undefined>;
    for (const [asset, total] of Object.entries(balances.total ?? {})) {
      const entry = { asset, free: free[asset] ?? 0, used: used[asset] ?? 0, total: total ?? 0 };
      if (entry.total !== 0 || entry.free !== 0 || entry.used !== 0) result.push(entry);
    }
    return result.sort((a, b) => a.asset.localeCompare(b.asset));
  }

  /** Spot accounts hold balances, not positions: positions are read only for derivative default types. */
  async fetchPositions(): Promise<Position[]> {
    const ex = this.#conn.exchange;
    const defaultType = String(ex.options.defaultType ?? 'spot');
    if (ex.has.fetchPositions !== true || !DERIVATIVE_TYPES.has(defaultType)) return [];
    await this.#conn.loadMarkets();
    const positions = await this.#conn.call((e) => e.fetchPositions());
    return positions.map((p) => {
      const size = (p.contracts ?? 0) * (p.contractSize ?? 1);
      const quantity = p.side === 'short' ? -size : size;
      return {
        symbol: p.symbol ?? '',
        quantity,
        averageEntryPrice: quantity === 0 || typeof p.entryPrice !== 'number' ? Number.NaN : p.entryPrice,
        realizedPnl: p.realizedPnl ?? 0,
        unrealizedPnl: p.unrealizedPnl ?? 0,
      };
    });
  }

  async getMarketInfo(symbol: string): Promise<MarketInfo> {
    await this.#conn.loadMarkets();
    const ex = this.#conn.exchange;
    const markets = ex.markets ?? {};
    const market = markets[symbol];
    if (market === undefined)
      throw new ExchangeError({
        kind: 'invalid-order',
        venue: this.#conn.venue,
        message: `${this.#conn.venue}: unknown symbol "${symbol}"; the exchange lists ${Object.keys(markets).length} markets.`,
      });
    // ccxt gives precision either as the increment itself (TICK_SIZE mode) or as a number of decimals.
    const step = (precision: number | undefined): number =>
      precision === undefined ? 0 : ex.precisionMode === TICK_SIZE ? precision : 10 ** -precision;
    return {
      symbol,
      base: market.base,
      quote: market.quote,
      tickSize: step(market.precision.price),
      quantityStep: step(market.precision.amount),
      minQuantity: market.limits.amount?.min ?? 0,
      minNotional: market.limits.cost?.min ?? 0,
      makerFee: market.maker ?? 0,
      takerFee: market.taker ?? 0,
    };
  }

  onFill(listener: (fill: Fill) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The order by client id, or undefined when the exchange does not know it. One request, no retry. */
  async #findByClientOrderId(symbol: string, clientOrderId: string): Promise<ccxt.Order | undefined> {
    try {
      // ccxt's unified lookup by client id: the order id is unused when `clientOrderId` is given.
      return await this.#conn.once((ex) => ex.fetchOrder(undefined as unknown as string, symbol, { clientOrderId }));
    } catch (error) {
      if (ExchangeError.isInstance(error) && error.kind === 'order-not-found') return undefined;
      throw error;
    }
  }

  /**
   * Converts an order and emits a fill for any growth of its filled quantity since it was last seen.
   * REST venues report fills this way: each fetch, cancel or open-orders call reveals new fills.
   */
  #observe(raw: ccxt.Order, fallbackClientOrderId?: string): Order {
    const order = toOrder(raw, fallbackClientOrderId);
    const before = this.#seen.get(order.id) ?? { filled: 0, average: 0, fee: 0 };
    const delta = order.filledQuantity - before.filled;
    if (delta > 0 && Number.isFinite(order.averageFillPrice)) {
      const fee = raw.fee?.cost ?? 0;
      this.#seen.set(order.id, { filled: order.filledQuantity, average: order.averageFillPrice, fee });
      // The delta's price follows from the quote amounts: avg_now * filled_now - avg_before * filled_before.
      const price = (order.averageFillPrice * order.filledQuantity - before.average * before.filled) / delta;
      const fill: Fill = {
        orderId: order.id,
        clientOrderId: order.clientOrderId,
        symbol: order.symbol,
        side: order.side,
        quantity: delta,
        price,
        fee: fee - before.fee,
        feeCurrency: raw.fee?.currency ?? '',
        liquidity: order.type === 'market' || order.type === 'stop-market' ? 'taker' : 'maker',
        timestamp: order.updatedAt,
      };
      for (const listener of this.#listeners) listener(fill);
    }
    return order;
  }
}

/** ccxt's `TICK_SIZE` precision mode (ccxt's ESM build does not export the constant). */
const TICK_SIZE = 4;
