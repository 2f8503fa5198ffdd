import type { Bar } from '@ares/features';
import { BarSeries, timeframeToMs } from '@ares/features';
import { sleep } from '@ares/pipeline-kit';
import type * as ccxt from 'ccxt';
import type { MarketDataFeed, Ticker } from '../feed/MarketDataFeed.js';
import type { CcxtConnectionOptions } from './CcxtConnection.js';
import { CcxtConnection } from './CcxtConnection.js';
import { checkPositive } from './ConnectorOptionError.js';
import { mapCcxtError } from './mapCcxtError.js';

export interface CcxtFeedOptions extends CcxtConnectionOptions {
  /** Bars asked for per `fetchOHLCV` request. Default 1000 (Binance's maximum). */
  readonly pageLimit?: number;
  /** Stream closed bars through ccxt.pro `watchOHLCV` when the exchange supports it. Default false (REST polling). */
  readonly websocket?: boolean;
  /** REST polling: how long after a bar's close time to ask for it, and the wait before asking again, ms. Default 2 000. */
  readonly pollDelayMs?: number;
}

/**
 * A {@link MarketDataFeed} on any ccxt exchange: paginated history, closed bars as they complete
 * (websocket where asked for and supported, else REST polling aligned to bar closes on the clock),
 * and the ticker. Public data: no API keys. Only closed bars are returned, by the clock's time.
 *
 * @throws ConnectorOptionError for an unknown exchange id or a bad option.
 */
export function createCcxtFeed(options: CcxtFeedOptions): MarketDataFeed {
  return new CcxtFeed(options);
}

class CcxtFeed implements MarketDataFeed {
  readonly name: string;
  readonly #conn: CcxtConnection;
  readonly #pageLimit: number;
  readonly #pollDelayMs: number;
  readonly #websocket: boolean;

  constructor(options: CcxtFeedOptions) {
    this.#pageLimit = checkPositive('pageLimit', options.pageLimit ?? 1_000, true);
    this.#pollDelayMs = checkPositive('pollDelayMs', options.pollDelayMs ?? 2_000);
    this.#websocket = options.websocket === true;
    this.#conn = new CcxtConnection(options, {}, this.#websocket);
    this.name = `ccxt:${this.#conn.venue}`;
  }

  fetchBars(symbol: string, timeframe: string, since: number, until: number): Promise<BarSeries> {
    return this.#fetchBars(symbol, timeframe, since, until);
  }

  /**
   * Pages forward from `since`: each request starts one bar after the last bar kept, so pages never
   * overlap; bars outside `[since, until)`, not yet closed, or not after the last kept are dropped.
   */
  async #fetchBars(symbol: string, timeframe: string, since: number, until: number, signal?: AbortSignal): Promise<BarSeries> {
    const timeframeMs = timeframeToMs(timeframe);
    await this.#conn.loadMarkets();
    const closedBy = this.#conn.clock.now();
    const bars = new BarSeries();
    let cursor = since;
    while (cursor < until) {
      const from = cursor;
      const page = await this.#conn.call((ex) => ex.fetchOHLCV(symbol, timeframe, from, this.#pageLimit), signal);
      for (const candle of page) {
        const bar = toBar(candle);
        if (bar === undefined || bar.timestamp < cursor || bar.timestamp >= until || bar.timestamp + timeframeMs > closedBy) continue;
        bars.append(bar);
        cursor = bar.timestamp + timeframeMs;
      }
      // An empty page, or one with nothing new, is the end of what the exchange has.
      if (cursor === from) break;
    }
    return bars;
  }

  async *watchClosedBars(symbol: string, timeframe: string, signal: AbortSignal): AsyncIterable<Bar> {
    const ex = this.#conn.exchange;
    if (this.#websocket && ex.has.watchOHLCV === true) yield* this.#watch(symbol, timeframe, signal);
    else yield* this.#poll(symbol, timeframe, signal);
  }

  /**
   * Sleeps on the clock until `pollDelayMs` after the next bar's close, fetches every bar after the
   * last one emitted (so a late or missed poll loses nothing), and asks again `pollDelayMs` later
   * while the bar is not there yet. The bar open when watching starts is the first one emitted.
   */
  async *#poll(symbol: string, timeframe: string, signal: AbortSignal): AsyncGenerator<Bar> {
    const timeframeMs = timeframeToMs(timeframe);
    const clock = this.#conn.clock;
    let last = Math.floor(clock.now() / timeframeMs) * timeframeMs - timeframeMs;
    let due = last + 2 * timeframeMs + this.#pollDelayMs;
    try {
      for (;;) {
        await sleep(clock, due - clock.now(), signal);
        const bars = await this.#fetchBars(symbol, timeframe, last + timeframeMs, clock.now(), signal);
        for (let i = 0; i < bars.length; i++) {
          const bar = bars.at(i);
          last = bar.timestamp;
          yield bar;
        }
        due = bars.length > 0 ? last + 2 * timeframeMs + this.#pollDelayMs : clock.now() + this.#pollDelayMs;
      }
    } catch (error) {
      if (!signal.aborted) throw error;
    }
  }

  /** ccxt.pro keeps the latest candles; the newest is still open, the ones before it are closed. */
  async *#watch(symbol: string, timeframe: string, signal: AbortSignal): AsyncGenerator<Bar> {
    const aborted = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    aborted.catch(() => undefined);
    let last = Number.NEGATIVE_INFINITY;
    try {
      for (;;) {
        // Updates arrive over one subscription, not as requests: no request budget, no retry.
        const candles = await Promise.race([this.#conn.exchange.watchOHLCV(symbol, timeframe), aborted]).catch((error: unknown) => {
          throw mapCcxtError(error, this.#conn.venue);
        });
        for (const candle of candles.slice(0, -1)) {
          const bar = toBar(candle);
          if (bar === undefined || bar.timestamp <= last) continue;
          last = bar.timestamp;
          yield bar;
        }
      }
    } catch (error) {
      if (!signal.aborted) throw error;
    } finally {
      await this.#conn.exchange.close();
    }
  }

  async fetchTicker(symbol: string): Promise<Ticker> {
    await this.#conn.loadMarkets();
    const ticker = await this.#conn.call((ex) => ex.fetchTicker(symbol));
    return {
      symbol,
      timestamp: ticker.timestamp ?? this.#conn.clock.now(),
      bid: ticker.bid ?? Number.NaN,
      ask: ticker.ask ?? Number.NaN,
      last: ticker.last ?? ticker.close ?? Number.NaN,
    };
  }
}

function toBar(candle: ccxt.OHLCV): Bar | undefined {
  const [timestamp, open, high, low, close, volume] = candle;
  if (timestamp === undefined || open === undefined || high === undefined || low === undefined || close === undefined) return undefined;
  return { timestamp, open, high, low, close, volume: volume ?? 0 };
}
