import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import type { BarSeries } from '@ares/features';
import { timeframeToMs } from '@ares/features';
import type { Clock } from '@ares/pipeline-kit';
import { LiveClock, SimClock, sleep } from '@ares/pipeline-kit';
import type { CcxtConnectionOptions } from '../ccxt/CcxtConnection.js';
import { ConnectorOptionError } from '../ccxt/ConnectorOptionError.js';
import { ExchangeError } from '../errors/ExchangeError.js';
import { SimulatedExchange } from '../simulated/SimulatedExchange.js';
import type { SimulatedExchangeConfig } from '../simulated/SimulatedExchangeConfigSchema.js';
import type { MarketInfo, Order } from '../venue/orders.type.js';
import { BinanceApiError } from './BinanceApiError.js';
import { binanceBalance, binanceKline, binanceOrder, binanceSymbol, decimal, marketId, orderTypeOf } from './binanceFormat.js';
import type { EmulatorFault } from './EmulatorFaults.js';
import { EmulatorFaults } from './EmulatorFaults.js';

export interface ExchangeEmulatorOptions {
  /** The market to replay: its bars close one by one as the emulator's clock passes their close time. */
  readonly series: BarSeries;
  /** The series' timeframe, e.g. `1h`; the only kline interval served. */
  readonly timeframe: string;
  /** Unified symbol of the market. Default `BTC/USDT`. */
  readonly symbol?: string;
  /** Port; 0 (default) picks a free one. */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Market time. Default: a SimClock at the first bar's open, moved by `advanceTo`. */
  readonly clock?: Clock;
  /**
   * The simulated exchange that matches orders. `markets` defaults to one market of `symbol` with
   * tick 0.01, lot 0.00001, min notional 5; `initialBalances` to 100 000 of the quote currency.
   */
  readonly exchange?: Partial<SimulatedExchangeConfig>;
  /** Default `emulator-key`. */
  readonly apiKey?: string;
  /** HMAC-SHA256 secret of signed requests. Default `emulator-secret`. */
  readonly secret?: string;
}

export interface ExchangeEmulator {
  /** `http://host:port`. */
  readonly url: string;
  readonly port: number;
  readonly faults: EmulatorFaults;
  /** The matching and accounting core behind the API. */
  readonly exchange: SimulatedExchange;
  /** What `createCcxtVenue` / `createCcxtFeed` need to talk to this emulator with unmodified ccxt. */
  readonly ccxt: Required<Pick<CcxtConnectionOptions, 'exchangeId' | 'urls' | 'exchangeOptions'>>;
  /** Orders accepted so far (duplicates rejected by client id are not counted). */
  readonly ordersCreated: number;
  /** Requests received per `METHOD /path`, faulted ones included. */
  readonly requests: ReadonlyMap<string, number>;
  /** Market time. */
  now(): number;
  /** Moves a SimClock to `time` and matches orders against every bar that closed by then. */
  advanceTo(time: number): void;
  /** Stops the server, dropping hanging connections. */
  close(): Promise<void>;
}

type Params = URLSearchParams;
type Handler = (params: Params) => unknown;

/** Private endpoints: need `X-MBX-APIKEY` and an HMAC-SHA256 `signature`. */
const SIGNED = new Set(['/api/v3/order', '/api/v3/openOrders', '/api/v3/account']);

/**
 * Starts a local HTTP server that speaks the part of Binance's spot REST API that ccxt uses (ping,
 * time, exchangeInfo, klines, tickers, signed order create/query/cancel, open orders, account),
 * replays `series` as its market and matches orders with a {@link SimulatedExchange}. Faults are
 * injected through `faults`.
 */
export async function startExchangeEmulator(options: ExchangeEmulatorOptions): Promise<ExchangeEmulator> {
  const emulator = new Emulator(options);
  await emulator.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  return emulator;
}

class Emulator implements ExchangeEmulator {
  readonly faults = new EmulatorFaults();
  readonly exchange: SimulatedExchange;
  readonly requests = new Map<string, number>();
  ordersCreated = 0;
  url = '';
  port = 0;
  readonly #series: BarSeries;
  readonly #timeframe: string;
  readonly #timeframeMs: number;
  readonly #market: MarketInfo;
  readonly #clock: Clock;
  readonly #wallClock = new LiveClock();
  readonly #apiKey: string;
  readonly #secret: string;
  readonly #server = createServer((req, res) => {
    this.#handle(req, res).catch(() => res.destroy());
  });
  readonly #sockets = new Set<Socket>();
  readonly #routes: ReadonlyMap<string, Handler>;
  /** Bars already given to the exchange. */
  #processed = 0;

  constructor(options: ExchangeEmulatorOptions) {
    if (options.series.length === 0) throw new ConnectorOptionError({ argument: 'series', message: 'Invalid "series": expected at least one bar, received an empty series.' });
    this.#series = options.series;
    this.#timeframe = options.timeframe;
    this.#timeframeMs = timeframeToMs(options.timeframe);
    const symbol = options.symbol ?? 'BTC/USDT';
    const [base = '', quote = ''] = symbol.split('/');
    if (base === '' || quote === '') throw new ConnectorOptionError({ argument: 'symbol', message: `Invalid "symbol": expected BASE/QUOTE such as "BTC/USDT", received "${symbol}".` });
    const markets = options.exchange?.markets ?? [{ symbol, base, quote, tickSize: 0.01, quantityStep: 0.00001, minQuantity: 0.00001, minNotional: 5 }];
    this.exchange = new SimulatedExchange({ name: 'emulator', initialBalances: { [quote]: 100_000 }, ...options.exchange, markets });
    this.#market = this.exchange.marketInfo(symbol);
    this.#clock = options.clock ?? new SimClock(this.#series.timestamp[0] ?? 0);
    this.#apiKey = options.apiKey ?? 'emulator-key';
    this.#secret = options.secret ?? 'emulator-secret';
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    this.#routes = new Map<string, Handler>([
      ['GET /api/v3/ping', () => ({})],
      ['GET /api/v3/time', () => ({ serverTime: this.now() })],
      ['GET /api/v3/exchangeInfo', () => this.#exchangeInfo()],
      ['GET /api/v3/klines', (p) => this.#klines(p)],
      ['GET /api/v3/ticker/24hr', (p) => this.#ticker24hr(p)],
      ['GET /api/v3/ticker/bookTicker', (p) => this.#bookTicker(p)],
      ['GET /api/v3/ticker/price', (p) => ({ symbol: this.#symbolOf(p), price: decimal(this.#lastBar()?.close) })],
      ['POST /api/v3/order', (p) => this.#createOrder(p)],
      ['GET /api/v3/order', (p) => binanceOrder(this.#findOrder(p, -2013, 'Order does not exist.'), this.#market)],
      ['DELETE /api/v3/order', (p) => this.#cancelOrder(p)],
      ['GET /api/v3/openOrders', (p) => this.#openOrders(p)],
      ['GET /api/v3/account', () => this.#account()],
    ]);
  }

  get ccxt(): ExchangeEmulator['ccxt'] {
    return {
      exchangeId: 'binance',
      urls: this.url,
      // Spot only (no futures endpoints); no /sapi calls for currencies or margin pairs. ccxt's rate
      // limiter stays on, with the spacing of a local server instead of Binance's 50 ms per weight unit.
      exchangeOptions: { rateLimit: 1, options: { fetchMarkets: { types: ['spot'] }, fetchCurrencies: false, fetchMargins: false } },
    };
  }

  listen(port: number, host: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => {
        const address = this.#server.address();
        this.port = typeof address === 'object' && address !== null ? address.port : port;
        this.url = `http://${host}:${this.port}`;
        resolve();
      });
    });
  }

  now(): number {
    return this.#clock.now();
  }

  advanceTo(time: number): void {
    if (!(this.#clock instanceof SimClock))
      throw new ConnectorOptionError({ argument: 'clock', message: 'advanceTo needs the emulator to run on a SimClock (the default); this one follows its own clock.' });
    this.#clock.advanceTo(time);
    this.#settle();
  }

  close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    return new Promise((resolve, reject) => this.#server.close((error) => (error === undefined ? resolve() : reject(error))));
  }

  /** Feeds the exchange every bar closed by now: bar i closes at its open time + timeframe. */
  #settle(): void {
    const closed = this.#closedCount();
    for (; this.#processed < closed; this.#processed++) this.exchange.processBar(this.#market.symbol, this.#series.at(this.#processed));
  }

  #closedCount(): number {
    return lowerBound(this.#series.timestamp, this.now() - this.#timeframeMs + 1);
  }

  #lastBar() {
    const closed = this.#closedCount();
    return closed === 0 ? undefined : this.#series.at(closed - 1);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const target = new URL(req.url ?? '/', 'http://emulator');
    const path = target.pathname;
    const key = `${method} ${path}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const body = await readBody(req);
    const fault = this.faults.take(method, path);
    if (this.faults.latencyMs > 0) await sleep(this.#wallClock, this.faults.latencyMs);
    if (fault?.kind === 'timeout') return; // the socket stays open until the client gives up or close()
    if (fault !== undefined && this.#answerFault(fault, res)) return;
    let status = 200;
    let payload: unknown;
    try {
      this.#settle();
      const route = this.#routes.get(key);
      if (route === undefined) throw new BinanceApiError(404, -1000, `Unknown endpoint ${key}.`);
      const query = target.search.slice(1);
      if (SIGNED.has(path)) this.#authenticate(req, query, body);
      payload = route(new URLSearchParams(`${query}&${body}`));
    } catch (error) {
      const apiError = toApiError(error);
      status = apiError.status;
      payload = { code: apiError.code, msg: apiError.message };
    }
    if (fault?.kind === 'lose-response') {
      // Executed, but the client never hears back: the case idempotent submission must survive.
      res.socket?.destroy();
      return;
    }
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(payload));
  }

  /** Writes the fault's response; false for faults that let the request run. */
  #answerFault(fault: EmulatorFault, res: ServerResponse): boolean {
    switch (fault.kind) {
      case 'rate-limit':
        res
          .writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': String(fault.retryAfterSeconds) })
          .end(JSON.stringify({ code: -1003, msg: 'Too many requests; current limit of IP is exceeded. Please use the websocket for live updates.' }));
        return true;
      case 'server-error':
        res.writeHead(fault.status, { 'Content-Type': 'text/plain' }).end('Service Unavailable');
        return true;
      default:
        return false;
    }
  }

  /**
   * Binance's signed-endpoint checks, in its order: API key header, timestamp, signature
   * (hex HMAC-SHA256 of the query string followed by the body, the `signature` parameter removed).
   * The timestamp is not compared with the market clock, which may replay another era.
   * @see https://developers.binance.com/docs/binance-spot-api-docs/rest-api/endpoint-security-type
   */
  #authenticate(req: IncomingMessage, query: string, body: string): void {
    const key = req.headers['x-mbx-apikey'];
    if (typeof key !== 'string' || key === '') throw new BinanceApiError(401, -2014, 'API-key format invalid.');
    if (key !== this.#apiKey) throw new BinanceApiError(401, -2015, 'Invalid API-key, IP, or permissions for action.');
    const total = `${query}${body}`;
    const params = new URLSearchParams(`${query}&${body}`);
    if (!params.get('timestamp')) throw BinanceApiError.missingParameter('timestamp');
    const signature = params.get('signature') ?? '';
    const signed = total.replace(/(^|&)signature=[^&]*/, '').replace(/^&/, '');
    const expected = createHmac('sha256', this.#secret).update(signed).digest('hex');
    const received = Buffer.from(signature);
    if (received.length !== expected.length || !timingSafeEqual(received, Buffer.from(expected)))
      throw new BinanceApiError(400, -1022, 'Signature for this request is not valid.');
  }

  #symbolOf(params: Params): string {
    const id = params.get('symbol');
    if (!id) throw BinanceApiError.missingParameter('symbol');
    if (id !== marketId(this.#market)) throw new BinanceApiError(400, -1121, 'Invalid symbol.');
    return id;
  }

  #exchangeInfo(): unknown {
    return { timezone: 'UTC', serverTime: this.now(), rateLimits: [], exchangeFilters: [], symbols: [binanceSymbol(this.#market)] };
  }

  /**
   * Closed bars only. With `startTime` the first `limit` bars from it, else the last `limit` bars up
   * to `endTime` (Binance's rule); `limit` defaults to 500 and is capped at 1000.
   */
  #klines(params: Params): unknown {
    this.#symbolOf(params);
    if (params.get('interval') !== this.#timeframe) throw new BinanceApiError(400, -1120, 'Invalid interval.');
    const limit = Math.min(1_000, Math.max(1, intParam(params, 'limit') ?? 500));
    const times = this.#series.timestamp;
    const startTime = intParam(params, 'startTime');
    const endTime = intParam(params, 'endTime');
    const stop = Math.min(this.#closedCount(), endTime === undefined ? times.length : lowerBound(times, endTime + 1));
    const from = startTime === undefined ? Math.max(0, stop - limit) : lowerBound(times, startTime);
    const result: unknown[] = [];
    for (let i = from; i < Math.min(stop, from + limit); i++) result.push(binanceKline(this.#series.at(i), this.#timeframeMs));
    return result;
  }

  /** The last 24 hours of closed bars. Book: bid at the last close, ask one tick above. */
  #ticker24hr(params: Params): unknown {
    const symbol = this.#symbolOf(params);
    const closed = this.#closedCount();
    const last = this.#lastBar();
    if (last === undefined) throw new BinanceApiError(400, -1013, 'Market is closed.');
    const first = Math.max(0, lowerBound(this.#series.timestamp, last.timestamp + this.#timeframeMs - 86_400_000));
    let high = Number.NEGATIVE_INFINITY;
    let low = Number.POSITIVE_INFINITY;
    let volume = 0;
    for (let i = first; i < closed; i++) {
      high = Math.max(high, this.#series.high[i] as number);
      low = Math.min(low, this.#series.low[i] as number);
      volume += this.#series.volume[i] as number;
    }
    const open = this.#series.open[first] as number;
    return {
      symbol,
      priceChange: decimal(last.close - open),
      priceChangePercent: ((100 * (last.close - open)) / open).toFixed(3),
      weightedAvgPrice: decimal(last.close),
      prevClosePrice: decimal(this.#series.close[Math.max(0, closed - 2)]),
      lastPrice: decimal(last.close),
      lastQty: '0.00000000',
      bidPrice: decimal(last.close),
      bidQty: '1.00000000',
      askPrice: decimal(last.close + this.#market.tickSize),
      askQty: '1.00000000',
      openPrice: decimal(open),
      highPrice: decimal(high),
      lowPrice: decimal(low),
      volume: decimal(volume),
      quoteVolume: decimal(volume * last.close),
      openTime: this.#series.timestamp[first],
      closeTime: this.now(),
      firstId: 0,
      lastId: 0,
      count: closed - first,
    };
  }

  #bookTicker(params: Params): unknown {
    const symbol = this.#symbolOf(params);
    const close = this.#lastBar()?.close;
    if (close === undefined) throw new BinanceApiError(400, -1013, 'Market is closed.');
    return { symbol, bidPrice: decimal(close), bidQty: '1.00000000', askPrice: decimal(close + this.#market.tickSize), askQty: '1.00000000' };
  }

  #createOrder(params: Params): unknown {
    this.#symbolOf(params);
    const side = params.get('side');
    if (side !== 'BUY' && side !== 'SELL') throw BinanceApiError.missingParameter('side');
    const type = orderTypeOf(params.get('type') ?? '');
    if (type === undefined) throw new BinanceApiError(400, -1116, 'Invalid orderType.');
    const quantity = Number(params.get('quantity'));
    if (!params.get('quantity') || !Number.isFinite(quantity)) throw BinanceApiError.missingParameter('quantity');
    const clientOrderId = params.get('newClientOrderId') || `emulator-${this.ordersCreated + 1}`;
    // Binance refuses a client order id it already holds instead of returning that order.
    if (this.#lookup({ clientOrderId }) !== undefined) throw new BinanceApiError(400, -2010, 'Duplicate order sent.');
    const price = numberParam(params, 'price');
    const stopPrice = numberParam(params, 'stopPrice');
    const timeInForce = params.get('timeInForce');
    const order = this.exchange.submit(
      {
        clientOrderId,
        symbol: this.#market.symbol,
        side: side === 'BUY' ? 'buy' : 'sell',
        type,
        quantity,
        ...(price === undefined ? {} : { price }),
        ...(stopPrice === undefined ? {} : { stopPrice }),
        ...(timeInForce === 'IOC' || timeInForce === 'FOK' ? { timeInForce } : {}),
      },
      this.now(),
    );
    this.ordersCreated += 1;
    return { ...binanceOrder(order, this.#market), transactTime: this.now(), fills: [] };
  }

  #cancelOrder(params: Params): unknown {
    const order = this.#findOrder(params, -2011, 'Unknown order sent.');
    try {
      const canceled = this.exchange.cancel(this.#market.symbol, order.id, this.now());
      return { ...binanceOrder(canceled, this.#market), origClientOrderId: canceled.clientOrderId };
    } catch (error) {
      if (ExchangeError.isInstance(error)) throw new BinanceApiError(400, -2011, 'Unknown order sent.');
      throw error;
    }
  }

  #openOrders(params: Params): unknown {
    if (params.get('symbol')) this.#symbolOf(params);
    return this.exchange.openOrders(this.#market.symbol).map((order) => binanceOrder(order, this.#market));
  }

  #account(): unknown {
    return {
      makerCommission: Math.round(this.#market.makerFee * 10_000),
      takerCommission: Math.round(this.#market.takerFee * 10_000),
      buyerCommission: 0,
      sellerCommission: 0,
      canTrade: true,
      canWithdraw: false,
      canDeposit: false,
      brokered: false,
      requireSelfTradePrevention: false,
      preventSor: false,
      updateTime: this.now(),
      accountType: 'SPOT',
      balances: this.exchange.balances().map(binanceBalance),
      permissions: ['SPOT'],
    };
  }

  #findOrder(params: Params, code: number, msg: string): Order {
    this.#symbolOf(params);
    const orderId = params.get('orderId');
    const clientOrderId = params.get('origClientOrderId');
    if (!orderId && !clientOrderId) throw BinanceApiError.missingParameter('orderId');
    const order = this.#lookup(orderId ? { orderId } : { clientOrderId: clientOrderId ?? '' });
    if (order === undefined) throw new BinanceApiError(400, code, msg);
    return order;
  }

  #lookup(id: { orderId: string } | { clientOrderId: string }): Order | undefined {
    try {
      return this.exchange.getOrder(this.#market.symbol, id);
    } catch (error) {
      if (ExchangeError.isInstance(error) && error.kind === 'order-not-found') return undefined;
      throw error;
    }
  }
}

/** The simulated exchange's rejections in Binance's words. */
function toApiError(error: unknown): BinanceApiError {
  if (error instanceof BinanceApiError) return error;
  if (ExchangeError.isInstance(error)) {
    switch (error.kind) {
      case 'insufficient-funds':
        return new BinanceApiError(400, -2010, 'Account has insufficient balance for requested action.');
      case 'order-not-found':
        return new BinanceApiError(400, -2013, 'Order does not exist.');
      default:
        return new BinanceApiError(400, -2010, error.message);
    }
  }
  return new BinanceApiError(500, -1000, error instanceof Error ? error.message : String(error));
}

/** Index of the first element >= value in an ascending array. */
function lowerBound(values: Float64Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function intParam(params: Params, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new BinanceApiError(400, -1100, `Illegal characters found in parameter '${name}'; legal range is '^[0-9]{1,20}$'.`);
  return value;
}

function numberParam(params: Params, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw BinanceApiError.missingParameter(name);
  return value;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
