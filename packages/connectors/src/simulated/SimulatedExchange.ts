import type { Bar } from '@ares/features';
import { ExchangeError } from '../errors/ExchangeError.js';
import type { Balance, Fill, MarketInfo, Order, OrderRequest, OrderSide, OrderStatus, OrderType, Position, TimeInForce } from '../venue/orders.type.js';
import { parseWithSchema } from './parseWithSchema.js';
import type { ResolvedSimulatedExchangeConfig, SimulatedExchangeConfig, SlippageModel } from './SimulatedExchangeConfigSchema.js';
import { SimulatedExchangeConfigSchema } from './SimulatedExchangeConfigSchema.js';
import type { OrderState, SimulatedExchangeState } from './SimulatedExchangeState.js';
import { SimulatedExchangeStateSchema } from './SimulatedExchangeState.js';
import { SimulationInputError } from './SimulationInputError.js';

/** A position with the fees paid on its market (already deducted from `realizedPnl`). */
export interface SimulatedPosition extends Position {
  readonly feesPaid: number;
}

const ORDER_TYPES: readonly OrderType[] = ['market', 'limit', 'stop-market', 'stop-limit'];
const SIDES: readonly OrderSide[] = ['buy', 'sell'];
// Relative tolerance for "is a multiple of the step" and for funds checks.
const EPSILON = 1e-9;

/** The mutable record behind an `Order`. */
interface OrderRecord {
  readonly id: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  quantity: number;
  filled: number;
  /** Σ fill quantity × price, for the average fill price. */
  notional: number;
  readonly price: number | undefined;
  readonly stopPrice: number | undefined;
  readonly reduceOnly: boolean;
  readonly timeInForce: TimeInForce;
  readonly stopLoss: number | undefined;
  readonly takeProfit: number | undefined;
  status: OrderStatus;
  readonly createdAt: number;
  updatedAt: number;
  /** Index (per symbol, 0-based) of the first bar that may fill it. */
  readonly eligibleFrom: number;
  /** A stop whose trigger was touched: it now behaves as a market (stop-market) or limit (stop-limit) order. */
  triggered: boolean;
  /** Funds held per unit of remaining quantity, in the quote currency (or base, for spot sells). */
  readonly reservePerUnit: number;
  readonly reservesBase: boolean;
  /** The other leg of an attached stop-loss / take-profit pair. */
  ocoId: string | undefined;
  /** The entry whose attached exits this order is. */
  readonly parentId: string | undefined;
  /** Ids of the stop-loss and take-profit legs created from this entry. */
  legIds: string[];
}

interface MarketState {
  readonly info: MarketInfo;
  readonly quantityDecimals: number;
  position: number;
  /** NaN when flat. */
  averageEntry: number;
  /** Price PnL of closed quantity, before fees. */
  realizedGross: number;
  feesPaid: number;
  reservedBase: number;
  /** Bars processed so far; the index of the next bar. */
  barIndex: number;
  /** Last close; NaN before the first bar. */
  lastPrice: number;
  lastTimestamp: number;
  /** Active orders (open or partially filled), in submission order. */
  readonly open: OrderRecord[];
}

/**
 * A synchronous matching and accounting core for backtests and paper trading. Orders are matched
 * against bars with the DESIGN.md conventions (no look-ahead); see the package README for every rule.
 *
 * Single quote currency: cash, prices, fees and PnL are in the markets' common quote currency.
 * Accounting is average-cost: `realizedPnl` = Σ closed quantity × (exit − average entry) − all fees
 * paid on the market, so `equity = initial equity + Σ realizedPnl + Σ unrealizedPnl` at any mark.
 */
export class SimulatedExchange {
  readonly #config: ResolvedSimulatedExchangeConfig;
  readonly #markets = new Map<string, MarketState>();
  /** Every order at index (number − 1) of its id: ids are issued in sequence, "1", "2", … */
  readonly #orders: OrderRecord[] = [];
  readonly #byClientId = new Map<string, OrderRecord>();
  #lastSymbol: string | undefined;
  #lastMarket: MarketState | undefined;
  readonly #listeners = new Set<(fill: Fill) => void>();
  // Reused across processBar calls so that a bar without fills allocates nothing.
  readonly #fills: Fill[] = [];
  readonly #quote: string;
  readonly #slippage: SlippageModel;
  #cash: number;
  #reservedQuote = 0;
  #nextOrderNumber = 1;
  // Volume still fillable in the bar being processed (volume-share slippage), else Infinity.
  #capacity = Number.POSITIVE_INFINITY;

  /** @throws SimulationInputError listing every bad config path. */
  constructor(config: SimulatedExchangeConfig) {
    this.#config = parseWithSchema(SimulatedExchangeConfigSchema, config, 'config');
    this.#slippage = this.#config.slippage;
    const first = this.#config.markets[0] as MarketInfo;
    this.#quote = first.quote;
    this.#cash = this.#config.initialBalances[this.#quote] ?? 0;
    for (const info of this.#config.markets) {
      const base = this.#config.initialBalances[info.base] ?? 0;
      const claimed = [...this.#markets.values()].some((m) => m.info.base === info.base);
      this.#markets.set(info.symbol, {
        info,
        quantityDecimals: decimalsOf(info.quantityStep),
        position: claimed ? 0 : base,
        averageEntry: Number.NaN,
        realizedGross: 0,
        feesPaid: 0,
        reservedBase: 0,
        barIndex: 0,
        lastPrice: Number.NaN,
        lastTimestamp: Number.NEGATIVE_INFINITY,
        open: [],
      });
    }
  }

  get name(): string {
    return this.#config.name;
  }

  /** The parsed config, defaults filled in. */
  get config(): ResolvedSimulatedExchangeConfig {
    return this.#config;
  }

  /** Fees paid on every market, in the quote currency. */
  get feesPaid(): number {
    let total = 0;
    for (const m of this.#markets.values()) total += m.feesPaid;
    return total;
  }

  /** @throws ExchangeError `invalid-order` for an unknown symbol. */
  marketInfo(symbol: string): MarketInfo {
    const m = this.#markets.get(symbol);
    if (m === undefined) throw this.#invalid('symbol', `one of ${[...this.#markets.keys()].map((s) => `"${s}"`).join(', ')}`, symbol);
    return m.info;
  }

  /** Calls `listener` synchronously for each fill, inside `processBar`; returns the unsubscribe function. */
  onFill(listener: (fill: Fill) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Accepts an order, eligible from the next processed bar of its symbol (+ `latencyBars`).
   * Idempotent: a `clientOrderId` already known returns that order, whatever the other fields.
   *
   * @throws ExchangeError `invalid-order` naming the field (unknown symbol, bad quantity or price,
   *   off the step or tick, below the minimums, a reduce-only order that could not reduce),
   *   `insufficient-funds` when free cash (buys, margin) or free base (spot sells) cannot cover it.
   */
  submit(request: OrderRequest, now: number): Order {
    const existing = this.#byClientId.get(request.clientOrderId);
    if (existing !== undefined) return snapshot(existing);
    if (typeof request.clientOrderId !== 'string' || request.clientOrderId.length === 0) {
      throw this.#invalid('clientOrderId', 'a non-empty string', request.clientOrderId);
    }
    const m = this.#lookup(request.symbol);
    if (m === undefined) throw this.#invalid('symbol', `one of ${[...this.#markets.keys()].map((s) => `"${s}"`).join(', ')}`, request.symbol);
    const { info } = m;
    if (!SIDES.includes(request.side)) throw this.#invalid('side', '"buy" or "sell"', request.side);
    if (!ORDER_TYPES.includes(request.type)) throw this.#invalid('type', ORDER_TYPES.map((t) => `"${t}"`).join(', '), request.type);
    const quantity = request.quantity;
    if (!(Number.isFinite(quantity) && quantity > 0)) throw this.#invalid('quantity', 'a finite number > 0', quantity);
    if (!isMultiple(quantity, info.quantityStep)) throw this.#invalid('quantity', `a multiple of the quantity step ${info.quantityStep}`, quantity);
    if (quantity < info.minQuantity) throw this.#invalid('quantity', `at least the minimum quantity ${info.minQuantity}`, quantity);
    const needsPrice = request.type === 'limit' || request.type === 'stop-limit';
    const needsStop = request.type === 'stop-market' || request.type === 'stop-limit';
    this.#checkPrice('price', request.price, needsPrice, info);
    this.#checkPrice('stopPrice', request.stopPrice, needsStop, info);
    const timeInForce = request.timeInForce ?? 'GTC';
    if (!['GTC', 'IOC', 'FOK'].includes(timeInForce)) throw this.#invalid('timeInForce', '"GTC", "IOC" or "FOK"', timeInForce);
    if (timeInForce !== 'GTC' && request.type !== 'limit') throw this.#invalid('timeInForce', '"GTC" (IOC and FOK apply to limit orders only)', timeInForce);

    const reference = request.price ?? request.stopPrice ?? m.lastPrice;
    if (Number.isNaN(reference)) {
      throw this.#invalid('type', `a limit or stop order until a bar of "${request.symbol}" has been processed (a market order needs a reference price)`, request.type);
    }
    if (quantity * reference < info.minNotional * (1 - EPSILON)) {
      throw this.#invalid('quantity', `a notional (quantity × ${reference}) of at least ${info.minNotional}`, quantity);
    }
    const reduceOnly = request.reduceOnly ?? false;
    const sign = request.side === 'buy' ? 1 : -1;
    if (reduceOnly && !(m.position * sign < 0)) {
      throw this.#invalid('reduceOnly', `an opposite position to reduce (position of "${request.symbol}" is ${m.position})`, reduceOnly);
    }
    this.#checkExits(request, reference, reduceOnly, info);

    // Funds: spot buys hold cash, spot sells hold the base asset, margin orders hold cash for the
    // part that increases the gross exposure. Reduce-only orders hold nothing.
    let reservePerUnit = 0;
    let reservesBase = false;
    const takerCost = reference * (1 + Math.max(info.takerFee, info.makerFee, 0));
    if (reduceOnly) {
      reservePerUnit = 0;
    } else if (!this.#config.allowShort && request.side === 'sell') {
      reservesBase = true;
      reservePerUnit = 1;
      const free = m.position - m.reservedBase;
      if (quantity > free * (1 + EPSILON)) {
        throw this.#insufficient(`sell ${quantity} ${info.base}: free ${info.base} is ${free} (spot: no shorting; set "allowShort" for a margin account)`);
      }
    } else {
      const increase = this.#config.allowShort ? Math.max(0, Math.abs(m.position + sign * quantity) - Math.abs(m.position)) : quantity;
      reservePerUnit = (increase / quantity) * takerCost;
      const free = this.#config.allowShort ? this.#freeMargin() : this.#cash - this.#reservedQuote;
      const needed = quantity * reservePerUnit;
      if (needed > free + EPSILON * Math.abs(free)) {
        throw this.#insufficient(`${request.side} ${quantity} ${info.base} needs ${needed} ${this.#quote} at ${reference} incl. fees; free is ${free}`);
      }
    }

    const order: OrderRecord = {
      id: String(this.#nextOrderNumber++),
      clientOrderId: request.clientOrderId,
      symbol: request.symbol,
      side: request.side,
      type: request.type,
      quantity,
      filled: 0,
      notional: 0,
      price: request.price,
      stopPrice: request.stopPrice,
      reduceOnly,
      timeInForce,
      stopLoss: request.stopLoss,
      takeProfit: request.takeProfit,
      status: 'open',
      createdAt: now,
      updatedAt: now,
      eligibleFrom: m.barIndex + this.#config.latencyBars,
      triggered: false,
      reservePerUnit,
      reservesBase,
      ocoId: undefined,
      parentId: undefined,
      legIds: [],
    };
    this.#add(m, order);
    return snapshot(order);
  }

  /**
   * Cancels an active order and releases its funds. Cancelling one leg of a stop-loss/take-profit
   * pair cancels both. Cancelling an already canceled order returns it unchanged.
   * @throws ExchangeError `order-not-found`, or `invalid-order` when it is filled or expired.
   */
  cancel(symbol: string, orderId: string, now: number): Order {
    const order = this.#find(symbol, { orderId });
    if (order.status === 'canceled') return snapshot(order);
    if (!isActive(order)) {
      throw new ExchangeError({ kind: 'invalid-order', venue: this.name, message: `Cannot cancel order "${orderId}" of "${symbol}": it is already ${order.status}.` });
    }
    const m = this.#market(symbol, 'symbol');
    this.#close(m, order, 'canceled', now);
    if (order.ocoId !== undefined) this.#closeSibling(m, order, now);
    compact(m.open);
    return snapshot(order);
  }

  /** @throws ExchangeError `order-not-found`. */
  getOrder(symbol: string, id: { orderId: string } | { clientOrderId: string }): Order {
    return snapshot(this.#find(symbol, id));
  }

  /** Active (open or partially filled) orders, of one symbol or of all, in submission order. */
  openOrders(symbol?: string): Order[] {
    const markets = symbol === undefined ? [...this.#markets.values()] : [this.#market(symbol, 'symbol')];
    return markets.flatMap((m) => m.open.map(snapshot));
  }

  /** Quote cash (total, held by orders, free); in spot mode also each base asset. */
  balances(): Balance[] {
    const result: Balance[] = [{ asset: this.#quote, free: this.#cash - this.#reservedQuote, used: this.#reservedQuote, total: this.#cash }];
    if (this.#config.allowShort) return result;
    const bases = new Map<string, { total: number; used: number }>();
    for (const m of this.#markets.values()) {
      const entry = bases.get(m.info.base) ?? { total: 0, used: 0 };
      entry.total += m.position;
      entry.used += m.reservedBase;
      bases.set(m.info.base, entry);
    }
    for (const [asset, { total, used }] of bases) result.push({ asset, free: total - used, used, total });
    return result;
  }

  /** One position per market (flat ones included), unrealized PnL at the last close. */
  positions(): SimulatedPosition[] {
    return [...this.#markets.keys()].map((symbol) => this.position(symbol));
  }

  /** The position of one market; `unrealizedPnl` at `markPrice` (default: the last close; 0 when flat). */
  position(symbol: string, markPrice?: number): SimulatedPosition {
    const m = this.#market(symbol, 'symbol');
    const mark = markPrice ?? m.lastPrice;
    return {
      symbol,
      quantity: m.position,
      averageEntryPrice: m.position === 0 ? Number.NaN : m.averageEntry,
      realizedPnl: m.realizedGross - m.feesPaid,
      unrealizedPnl: m.position === 0 ? 0 : m.position * (mark - m.averageEntry),
      feesPaid: m.feesPaid,
    };
  }

  /**
   * Cash + Σ position × mark, in the quote currency. Marks default to each market's last close.
   * @throws SimulationInputError when a position has no mark price (no bar seen, none given).
   */
  equity(markPrices: Readonly<Record<string, number>> = {}): number {
    let equity = this.#cash;
    for (const [symbol, m] of this.#markets) {
      if (m.position === 0) continue;
      const mark = markPrices[symbol] ?? m.lastPrice;
      if (!Number.isFinite(mark)) {
        throw new SimulationInputError({ argument: `markPrices.${symbol}`, message: `Invalid "markPrices.${symbol}": expected a price for the open position of "${symbol}", received "${mark}".` });
      }
      equity += m.position * mark;
    }
    return equity;
  }

  /**
   * Matches every eligible active order of `symbol` against `bar`, in this order:
   * 1. at the open: market orders, triggered stops' remainders, and orders the open gaps through;
   * 2. stops whose trigger the bar's high/low touches (stop-losses before take-profits);
   * 3. limits the bar's high/low touches, at the limit price (maker).
   * Returns the fills of this bar in a reused array, valid until the next call (copy to keep).
   *
   * @throws SimulationInputError for an unknown symbol or a timestamp not after the previous bar's.
   */
  processBar(symbol: string, bar: Bar): readonly Fill[] {
    const m = this.#lookup(symbol);
    if (m === undefined) throw unknownMarket(symbol);
    if (!(bar.timestamp > m.lastTimestamp)) throw timestampNotAfter(symbol, bar.timestamp, m.lastTimestamp);
    // Most bars have no fills: skip the length setter (a runtime call) when there is nothing to clear.
    if (this.#fills.length > 0) this.#fills.length = 0;
    // An initial base holding is entered at the first bar's open.
    if (m.position !== 0 && Number.isNaN(m.averageEntry)) m.averageEntry = bar.open;
    if (m.open.length > 0) this.#match(m, bar);
    m.barIndex++;
    m.lastPrice = bar.close;
    m.lastTimestamp = bar.timestamp;
    return this.#fills;
  }

  /** A plain-JSON checkpoint of the whole state (config included; listeners are not state). */
  getState(): SimulatedExchangeState {
    return {
      version: 1,
      config: this.#config,
      cash: this.#cash,
      reservedQuote: this.#reservedQuote,
      nextOrderNumber: this.#nextOrderNumber,
      markets: [...this.#markets.values()].map((m) => ({
        symbol: m.info.symbol,
        position: m.position,
        averageEntry: nullIfNaN(m.averageEntry),
        realizedGross: m.realizedGross,
        feesPaid: m.feesPaid,
        reservedBase: m.reservedBase,
        barIndex: m.barIndex,
        lastPrice: nullIfNaN(m.lastPrice),
        lastTimestamp: Number.isFinite(m.lastTimestamp) ? m.lastTimestamp : null,
      })),
      orders: this.#orders.filter((o) => o !== undefined).map(toOrderState),
    };
  }

  /**
   * Restores an exchange from {@link getState} output (also after a JSON round trip).
   * @throws SimulationInputError naming the bad path of a corrupt or foreign state.
   */
  static fromState(state: unknown): SimulatedExchange {
    const parsed = parseWithSchema(SimulatedExchangeStateSchema, state, 'state');
    const exchange = new SimulatedExchange(parsed.config);
    exchange.#cash = parsed.cash;
    exchange.#nextOrderNumber = parsed.nextOrderNumber;
    for (const saved of parsed.markets) {
      const m = exchange.#market(saved.symbol, 'state.markets.symbol');
      m.position = saved.position;
      m.averageEntry = saved.averageEntry ?? Number.NaN;
      m.realizedGross = saved.realizedGross;
      m.feesPaid = saved.feesPaid;
      m.barIndex = saved.barIndex;
      m.lastPrice = saved.lastPrice ?? Number.NaN;
      m.lastTimestamp = saved.lastTimestamp ?? Number.NEGATIVE_INFINITY;
    }
    parsed.orders.forEach((saved, i) => {
      const m = exchange.#market(saved.symbol, 'state.orders.symbol');
      const n = orderNumber(saved.id);
      if (n === 0 || n >= parsed.nextOrderNumber || exchange.#orders[n - 1] !== undefined) {
        throw new SimulationInputError({
          argument: `state.orders.${i}.id`,
          message: `Invalid "state.orders.${i}.id": expected an id this exchange issued (a whole number below nextOrderNumber ${parsed.nextOrderNumber}, each once), received "${saved.id}".`,
        });
      }
      exchange.#add(m, fromOrderState(saved));
    });
    // The saved running totals, not re-summed ones, so that a resumed run matches to the last bit.
    exchange.#reservedQuote = parsed.reservedQuote;
    for (const saved of parsed.markets) exchange.#market(saved.symbol, 'state.markets.symbol').reservedBase = saved.reservedBase;
    return exchange;
  }

  // --- matching ---

  #match(m: MarketState, bar: Bar): void {
    const index = m.barIndex;
    const { open } = m;
    this.#capacity = this.#slippage.kind === 'volume-share' ? this.#slippage.maxShare * bar.volume : Number.POSITIVE_INFINITY;
    // Legs created during this bar are appended to `open` with a later eligibleFrom, so they wait.
    const count = open.length;

    // 1. At the open.
    for (let i = 0; i < count; i++) {
      const o = open[i] as OrderRecord;
      if (o.eligibleFrom > index || !isActive(o)) continue;
      const buy = o.side === 'buy';
      // Fill-or-kill: the whole remainder at the open of its first bar, or nothing.
      if (o.timeInForce === 'FOK' && this.#capacity < o.quantity - o.filled) {
        this.#close(m, o, 'expired', bar.timestamp);
        continue;
      }
      if (o.type === 'market' || (o.type === 'stop-market' && o.triggered)) {
        this.#fill(m, o, this.#slip(bar.open, buy, bar), 'taker', bar);
      } else if (!o.triggered && (o.type === 'stop-market' || o.type === 'stop-limit')) {
        const stop = o.stopPrice as number;
        if (buy ? bar.open >= stop : bar.open <= stop) {
          // Gapped through the stop: the open, the worse price.
          o.triggered = true;
          if (o.type === 'stop-market') this.#fill(m, o, this.#slip(bar.open, buy, bar), 'taker', bar);
          else this.#fillAtOpenIfMarketable(m, o, bar);
        }
      } else {
        this.#fillAtOpenIfMarketable(m, o, bar);
      }
      if (o.timeInForce !== 'GTC' && isActive(o)) this.#close(m, o, 'expired', bar.timestamp);
    }

    // 2. Stops touched inside the bar: filled at the stop (± slippage); stop-limits become limits.
    for (let i = 0; i < count; i++) {
      const o = open[i] as OrderRecord;
      if (o.eligibleFrom > index || !isActive(o) || o.triggered || (o.type !== 'stop-market' && o.type !== 'stop-limit')) continue;
      const buy = o.side === 'buy';
      const stop = o.stopPrice as number;
      if (buy ? bar.high < stop : bar.low > stop) continue;
      o.triggered = true;
      if (o.type === 'stop-market') {
        this.#fill(m, o, this.#slip(stop, buy, bar), 'taker', bar);
      } else {
        const limit = o.price as number;
        if (buy ? stop <= limit : stop >= limit) this.#fill(m, o, cap(this.#slip(stop, buy, bar), limit, buy), 'taker', bar);
      }
    }

    // 3. Limits touched inside the bar: filled at the limit price, as resting (maker) orders.
    for (let i = 0; i < count; i++) {
      const o = open[i] as OrderRecord;
      if (o.eligibleFrom > index || !isActive(o)) continue;
      if (o.type !== 'limit' && !(o.type === 'stop-limit' && o.triggered)) continue;
      const limit = o.price as number;
      if (o.side === 'buy' ? bar.low <= limit : bar.high >= limit) this.#fill(m, o, limit, 'maker', bar);
    }

    compact(open);
  }

  /** A limit (or triggered stop-limit) the open gaps through fills at the open (better), as taker. */
  #fillAtOpenIfMarketable(m: MarketState, o: OrderRecord, bar: Bar): void {
    const buy = o.side === 'buy';
    const limit = o.price as number;
    if (buy ? bar.open <= limit : bar.open >= limit) this.#fill(m, o, cap(this.#slip(bar.open, buy, bar), limit, buy), 'taker', bar);
  }

  #slip(price: number, buy: boolean, bar: Bar): number {
    const s = this.#slippage;
    let slipped = price;
    if (s.kind === 'fixed-bps') slipped = price * (buy ? 1 + s.bps / 10_000 : 1 - s.bps / 10_000);
    else if (s.kind === 'volume-share') slipped = price * (buy ? 1 + s.impactBps / 10_000 : 1 - s.impactBps / 10_000);
    else if (s.kind === 'range-fraction') slipped = price + (buy ? 1 : -1) * s.fraction * (bar.high - bar.low);
    return Math.min(bar.high, Math.max(bar.low, slipped));
  }

  /**
   * Fills as much of `o` as the volume cap, reduce-only and (spot) funds allow. A reduce-only order
   * finding nothing to reduce, and a spot order the funds no longer cover, is canceled (its covered
   * part filled first).
   */
  #fill(m: MarketState, o: OrderRecord, price: number, liquidity: 'maker' | 'taker', bar: Bar): void {
    const buy = o.side === 'buy';
    const info = m.info;
    const feeRate = liquidity === 'maker' ? info.makerFee : info.takerFee;
    const remaining = round(o.quantity - o.filled, m.quantityDecimals);
    let quantity = Math.min(remaining, floorToStep(this.#capacity, info.quantityStep, m.quantityDecimals));
    let truncated = false;
    if (o.reduceOnly) {
      const reducible = buy ? Math.max(0, -m.position) : Math.max(0, m.position);
      if (quantity > reducible) {
        quantity = reducible;
        truncated = true;
      }
    } else if (!this.#config.allowShort) {
      const affordable = buy
        ? floorToStep((this.#cash - this.#reservedQuote + remaining * o.reservePerUnit) / (price * (1 + Math.max(feeRate, 0))), info.quantityStep, m.quantityDecimals)
        : floorToStep(m.position - (m.reservedBase - remaining * o.reservePerUnit), info.quantityStep, m.quantityDecimals);
      if (quantity > affordable * (1 + EPSILON)) {
        quantity = Math.max(0, affordable);
        truncated = true;
      }
    }
    if (quantity > 0) this.#apply(m, o, quantity, price, feeRate, liquidity, bar.timestamp);
    if (truncated && isActive(o)) this.#close(m, o, 'canceled', bar.timestamp);
  }

  #apply(m: MarketState, o: OrderRecord, quantity: number, price: number, feeRate: number, liquidity: 'maker' | 'taker', time: number): void {
    const buy = o.side === 'buy';
    const notional = quantity * price;
    const fee = notional * feeRate;
    this.#cash += buy ? -notional - fee : notional - fee;
    m.feesPaid += fee;
    this.#capacity -= quantity;

    // Average-cost position accounting.
    const delta = buy ? quantity : -quantity;
    const before = m.position;
    const after = round(before + delta, m.quantityDecimals);
    if (before === 0 || Math.sign(before) === Math.sign(delta)) {
      const base = Math.abs(before);
      m.averageEntry = before === 0 ? price : (base * m.averageEntry + quantity * price) / (base + quantity);
    } else {
      const closed = Math.min(quantity, Math.abs(before));
      m.realizedGross += closed * (price - m.averageEntry) * Math.sign(before);
      if (after === 0) m.averageEntry = Number.NaN;
      else if (Math.sign(after) !== Math.sign(before)) m.averageEntry = price;
    }
    m.position = after;

    const held = this.#held(o, m);
    o.filled = round(o.filled + quantity, m.quantityDecimals);
    o.notional += notional;
    o.updatedAt = time;
    // Compare at the market's quantity precision: an order of 1/3 with no lot step must not stay open
    // for a 1e-13 remainder (it would be matched again on every bar).
    o.status = round(o.quantity - o.filled, m.quantityDecimals) <= 0 ? 'filled' : 'partially-filled';
    this.#release(o, m, held - this.#held(o, m));

    const fill: Fill = {
      orderId: o.id,
      clientOrderId: o.clientOrderId,
      symbol: o.symbol,
      side: o.side,
      quantity,
      price,
      fee,
      feeCurrency: this.#quote,
      liquidity,
      timestamp: time,
    };
    this.#fills.push(fill);

    if (o.stopLoss !== undefined || o.takeProfit !== undefined) this.#attachExits(m, o, time);
    if (o.ocoId !== undefined) this.#closeSibling(m, o, time);
    // Nothing left to reduce: protective and other reduce-only orders are void.
    if (after === 0) {
      for (const other of m.open) if (other.reduceOnly && isActive(other)) this.#close(m, other, 'canceled', time);
    }
    for (const listener of this.#listeners) listener(fill);
  }

  /**
   * Places (first fill) or grows (later fills) the entry's stop-loss / take-profit, eligible from the
   * next bar. Legs that have already filled or been canceled are not replaced: later fills of the
   * entry then carry no attached exits.
   */
  #attachExits(m: MarketState, entry: OrderRecord, time: number): void {
    if (entry.legIds.length > 0) {
      for (const id of entry.legIds) {
        const leg = this.#orderById(id) as OrderRecord;
        if (leg.status === 'open') leg.quantity = entry.filled;
      }
      return;
    }
    const side: OrderSide = entry.side === 'buy' ? 'sell' : 'buy';
    const legs: OrderRecord[] = [];
    const leg = (suffix: string, type: OrderType, price: number | undefined, stopPrice: number | undefined): OrderRecord => ({
      id: String(this.#nextOrderNumber++),
      clientOrderId: `${entry.clientOrderId}:${suffix}`,
      symbol: entry.symbol,
      side,
      type,
      quantity: entry.filled,
      filled: 0,
      notional: 0,
      price,
      stopPrice,
      reduceOnly: true,
      timeInForce: 'GTC',
      stopLoss: undefined,
      takeProfit: undefined,
      status: 'open',
      createdAt: time,
      updatedAt: time,
      eligibleFrom: m.barIndex + 1,
      triggered: false,
      reservePerUnit: 0,
      reservesBase: false,
      ocoId: undefined,
      parentId: entry.id,
      legIds: [],
    });
    if (entry.stopLoss !== undefined) legs.push(leg('sl', 'stop-market', undefined, entry.stopLoss));
    if (entry.takeProfit !== undefined) legs.push(leg('tp', 'limit', entry.takeProfit, undefined));
    const [first, second] = legs;
    if (first !== undefined && second !== undefined) {
      first.ocoId = second.id;
      second.ocoId = first.id;
    }
    entry.legIds = legs.map((l) => l.id);
    for (const l of legs) this.#add(m, l);
  }

  // --- bookkeeping ---

  #add(m: MarketState, order: OrderRecord): void {
    this.#orders[orderNumber(order.id) - 1] = order;
    this.#byClientId.set(order.clientOrderId, order);
    if (isActive(order)) {
      m.open.push(order);
      this.#release(order, m, -this.#held(order, m));
    }
  }

  /** Funds an order holds now: remaining quantity × its reserve per unit. */
  #held(o: OrderRecord, m: MarketState): number {
    return isActive(o) ? round(o.quantity - o.filled, m.quantityDecimals) * o.reservePerUnit : 0;
  }

  #release(o: OrderRecord, m: MarketState, amount: number): void {
    if (o.reservesBase) m.reservedBase -= amount;
    else this.#reservedQuote -= amount;
  }

  /** Ends an active order (it leaves `m.open` at the next compaction) and releases its funds. */
  #close(m: MarketState, o: OrderRecord, status: OrderStatus, time: number): void {
    this.#release(o, m, this.#held(o, m));
    o.status = status;
    o.updatedAt = time;
  }

  #closeSibling(m: MarketState, o: OrderRecord, time: number): void {
    const sibling = this.#orderById(o.ocoId as string);
    if (sibling !== undefined && isActive(sibling)) this.#close(m, sibling, 'canceled', time);
  }

  /** Equity − gross exposure − cash held by open orders, at last closes (margin accounts). */
  #freeMargin(): number {
    let free = this.#cash - this.#reservedQuote;
    for (const m of this.#markets.values()) {
      if (m.position !== 0) free += m.position * m.lastPrice - Math.abs(m.position) * m.lastPrice;
    }
    return free;
  }

  #find(symbol: string, id: { orderId: string } | { clientOrderId: string }): OrderRecord {
    const order = 'orderId' in id ? this.#orderById(id.orderId) : this.#byClientId.get(id.clientOrderId);
    if (order === undefined || order.symbol !== symbol) {
      const label = 'orderId' in id ? `id "${id.orderId}"` : `client order id "${id.clientOrderId}"`;
      throw new ExchangeError({ kind: 'order-not-found', venue: this.name, message: `Order with ${label} not found for "${symbol}".` });
    }
    return order;
  }

  /** The order of an id this exchange issued; any other string ("07", "1.0", "x") names none. */
  #orderById(id: string): OrderRecord | undefined {
    const n = orderNumber(id);
    return n > 0 ? this.#orders[n - 1] : undefined;
  }

  /**
   * The market of `symbol`, remembering the last one found: a backtest asks for the same symbol on every
   * bar, and comparing the same string is cheaper than a map look-up (~6 % of a backtest's time went to maps).
   */
  #lookup(symbol: string): MarketState | undefined {
    if (symbol === this.#lastSymbol) return this.#lastMarket;
    const m = this.#markets.get(symbol);
    if (m !== undefined) {
      this.#lastSymbol = symbol;
      this.#lastMarket = m;
    }
    return m;
  }

  #market(symbol: string, argument: string): MarketState {
    const m = this.#markets.get(symbol);
    if (m === undefined) {
      throw new SimulationInputError({ argument, message: `Invalid "${argument}": expected one of ${[...this.#markets.keys()].map((s) => `"${s}"`).join(', ')}, received "${symbol}".` });
    }
    return m;
  }

  #checkPrice(field: 'price' | 'stopPrice', value: number | undefined, required: boolean, info: MarketInfo): void {
    if (value === undefined) {
      if (required) throw this.#invalid(field, 'a price for this order type', value);
      return;
    }
    if (!required) throw this.#invalid(field, 'no value for this order type', value);
    this.#checkTick(field, value, info);
  }

  #checkTick(field: string, value: number, info: MarketInfo): void {
    if (!(Number.isFinite(value) && value > 0)) throw this.#invalid(field, 'a finite price > 0', value);
    if (!isMultiple(value, info.tickSize)) throw this.#invalid(field, `a multiple of the tick size ${info.tickSize}`, value);
  }

  /** Attached exits: on tick, on the protective side of the entry's reference price. */
  #checkExits(request: OrderRequest, reference: number, reduceOnly: boolean, info: MarketInfo): void {
    const buy = request.side === 'buy';
    for (const field of ['stopLoss', 'takeProfit'] as const) {
      const value = request[field];
      if (value === undefined) continue;
      if (reduceOnly) throw this.#invalid(field, 'no attached exit on a reduce-only order', value);
      this.#checkTick(field, value, info);
      const below = field === 'stopLoss' ? buy : !buy;
      if (below ? value >= reference : value <= reference) {
        throw this.#invalid(field, `a price ${below ? 'below' : 'above'} the entry reference ${reference} for a ${request.side}`, value);
      }
    }
  }

  #invalid(field: string, expected: string, received: unknown): ExchangeError {
    return new ExchangeError({ kind: 'invalid-order', venue: this.name, message: `Invalid "${field}": expected ${expected}, received "${String(received)}".` });
  }

  #insufficient(detail: string): ExchangeError {
    return new ExchangeError({ kind: 'insufficient-funds', venue: this.name, message: `Insufficient funds: cannot ${detail}.` });
  }
}

/** The number of an order id ("12" → 12), or 0 for a string that is not the canonical decimal of one. */
function orderNumber(id: string): number {
  const n = Number(id);
  return Number.isSafeInteger(n) && n >= 1 && String(n) === id ? n : 0;
}

// processBar's errors, built outside it: with the messages written inline, V8 may box the bar's doubles
// on every call to have them ready for the template, an allocation per bar.
function unknownMarket(symbol: string): SimulationInputError {
  return new SimulationInputError({ argument: 'symbol', message: `Invalid "symbol": expected a configured market, received "${symbol}".` });
}

function timestampNotAfter(symbol: string, timestamp: number, last: number): SimulationInputError {
  return new SimulationInputError({
    argument: 'bar.timestamp',
    message: `Invalid "bar.timestamp": expected a time after the previous bar's ${last} for "${symbol}", received "${timestamp}".`,
  });
}

function isActive(o: OrderRecord): boolean {
  return o.status === 'open' || o.status === 'partially-filled';
}

/** Drops ended orders in place (no allocation). */
function compact(open: OrderRecord[]): void {
  let kept = 0;
  for (let i = 0; i < open.length; i++) {
    const o = open[i] as OrderRecord;
    if (isActive(o)) open[kept++] = o;
  }
  open.length = kept;
}

/** Never cross the limit: a buy pays at most, a sell receives at least, the limit price. */
function cap(price: number, limit: number, buy: boolean): number {
  return buy ? Math.min(price, limit) : Math.max(price, limit);
}

function isMultiple(value: number, step: number): boolean {
  if (step === 0) return true;
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) <= EPSILON * Math.max(1, ratio);
}

/** Decimal places of a step (0.001 → 3, 1e-8 → 8, 0 → 12). */
function decimalsOf(step: number): number {
  if (step === 0) return 12;
  const [mantissa = '', exponent] = step.toExponential().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.min(15, Math.max(0, fraction - Number(exponent)));
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

function floorToStep(value: number, step: number, decimals: number): number {
  if (value === Number.POSITIVE_INFINITY) return value;
  if (step === 0) return Math.max(0, value);
  return Math.max(0, round(Math.floor(value / step + EPSILON) * step, decimals));
}

function nullIfNaN(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

function snapshot(o: OrderRecord): Order {
  return {
    id: o.id,
    clientOrderId: o.clientOrderId,
    symbol: o.symbol,
    side: o.side,
    type: o.type,
    status: o.status,
    quantity: o.quantity,
    filledQuantity: o.filled,
    averageFillPrice: o.filled > 0 ? o.notional / o.filled : Number.NaN,
    price: o.price,
    stopPrice: o.stopPrice,
    reduceOnly: o.reduceOnly,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

function toOrderState(o: OrderRecord): OrderState {
  return { ...o, legIds: [...o.legIds] };
}

function fromOrderState(s: OrderState): OrderRecord {
  return {
    ...s,
    price: s.price,
    stopPrice: s.stopPrice,
    stopLoss: s.stopLoss,
    takeProfit: s.takeProfit,
    ocoId: s.ocoId,
    parentId: s.parentId,
    legIds: [...s.legIds],
  };
}
