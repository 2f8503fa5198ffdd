import type { Clock, RetryOptions } from '@ares/pipeline-kit';
import { LiveClock, RetryExhaustedError, retry } from '@ares/pipeline-kit';
import * as ccxt from 'ccxt';
import { ExchangeError } from '../errors/ExchangeError.js';
import { ConnectorOptionError, checkPositive } from './ConnectorOptionError.js';
import { mapCcxtError, parseRetryAfter } from './mapCcxtError.js';
import type { RequestBudgetOptions } from './RequestBudget.js';
import { RequestBudget } from './RequestBudget.js';

/** How the ccxt venue and feed reach an exchange. */
export interface CcxtConnectionOptions {
  /** Any ccxt exchange id: `binance`, `bybit`, `okx`, `kraken`, … (`ccxt.exchanges` lists them). */
  readonly exchangeId: string;
  /** Use the exchange's testnet / sandbox URLs (ccxt `setSandboxMode`). Default false. */
  readonly sandbox?: boolean;
  /**
   * A base URL such as `http://127.0.0.1:8080` that replaces the scheme and host of every REST URL
   * of the exchange: how ccxt is pointed at the local exchange emulator.
   */
  readonly urls?: string;
  /** ccxt's per-request timeout, ms. Default 10 000. */
  readonly timeoutMs?: number;
  /** Time for retry waits, the request budget and bar closes. Default a LiveClock. */
  readonly clock?: Clock;
  /** Retries of retryable failures (network, timeouts, 429, 5xx). Defaults: 5 attempts, 100 ms base, 30 s cap. */
  readonly retry?: Pick<RetryOptions, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs' | 'maxElapsedMs' | 'seed' | 'onRetry'>;
  /** Our own token bucket over every request, on top of ccxt's rate limiter. Default: none. */
  readonly requestBudget?: RequestBudgetOptions;
  /** Extra settings for the ccxt constructor, e.g. `{ options: { defaultType: 'spot' } }`. */
  readonly exchangeOptions?: Readonly<Record<string, unknown>>;
}

/** Credentials for the ccxt constructor (`apiKey`, `secret`, `password`, …). */
export type CcxtCredentials = Readonly<Record<string, string>>;

type ExchangeConstructor = new (config: Record<string, unknown>) => ccxt.Exchange;

/** Errors after which an order may exist although the call failed: the request may have been executed. */
const AMBIGUOUS: ReadonlySet<string> = new Set(['network', 'exchange-unavailable']);

/**
 * One ccxt exchange instance with our request budget, error mapping and retries around every call.
 * Internal to the ccxt venue and feed.
 */
export class CcxtConnection {
  readonly exchange: ccxt.Exchange;
  readonly clock: Clock;
  readonly #budget: RequestBudget | undefined;
  readonly #retry: CcxtConnectionOptions['retry'];
  #marketsLoaded: Promise<unknown> | undefined;

  constructor(options: CcxtConnectionOptions, credentials: CcxtCredentials = {}, websocket = false) {
    const registry = (websocket ? ccxt.pro : ccxt) as unknown as Record<string, ExchangeConstructor | undefined>;
    // `ccxt.exchanges` is the id list in ccxt's CommonJS build and the class map in its ESM build.
    const list: unknown = ccxt.exchanges;
    const known = Array.isArray(list) ? (list as string[]) : Object.keys(ccxt.exchanges);
    const create = known.includes(options.exchangeId) ? registry[options.exchangeId] : undefined;
    if (typeof create !== 'function')
      throw new ConnectorOptionError({
        argument: 'exchangeId',
        message: `Invalid "exchangeId": expected a ccxt exchange id${websocket ? ' with websocket support (ccxt.pro)' : ''} such as "binance", "bybit", "okx" or "kraken", received "${options.exchangeId}".`,
      });
    const timeout = checkPositive('timeoutMs', options.timeoutMs ?? 10_000, true);
    this.exchange = new create({ enableRateLimit: true, timeout, ...options.exchangeOptions, ...credentials });
    if (options.sandbox === true) this.exchange.setSandboxMode(true);
    if (options.urls !== undefined) this.exchange.urls.api = rewriteUrls(this.exchange.urls.api, options.urls);
    this.clock = options.clock ?? new LiveClock();
    this.#budget = options.requestBudget === undefined ? undefined : new RequestBudget(options.requestBudget, this.clock);
    this.#retry = options.retry;
  }

  get venue(): string {
    return this.exchange.id;
  }

  /** Loads the exchange's markets once (retried like any call); later calls share the first load. */
  loadMarkets(): Promise<unknown> {
    this.#marketsLoaded ??= this.call(() => this.exchange.loadMarkets()).catch((error: unknown) => {
      this.#marketsLoaded = undefined;
      throw error;
    });
    return this.#marketsLoaded;
  }

  /** One request: waits for the budget, maps a failure to an {@link ExchangeError}. No retry. */
  async once<T>(fn: (exchange: ccxt.Exchange) => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.#budget?.take(signal);
    try {
      return await fn(this.exchange);
    } catch (error) {
      // The failed response's headers; mapCcxtError keeps the Retry-After for rate limits only.
      const retryAfter = this.exchange.last_response_headers?.['Retry-After'];
      throw mapCcxtError(error, this.venue, parseRetryAfter(retryAfter, this.clock.now()));
    }
  }

  /**
   * `attempt` until it succeeds, retrying retryable {@link ExchangeError}s with backoff (at least the
   * server's Retry-After). Exhausted retries reject with an ExchangeError of the last failure's kind.
   */
  async retrying<T>(attempt: (attempt: number) => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await retry((n) => attempt(n), {
        ...this.#retry,
        clock: this.clock,
        ...(signal === undefined ? {} : { signal }),
        retryOn: (error) => ExchangeError.isInstance(error) && error.isRetryable,
        retryAfterMs: (error) => (ExchangeError.isInstance(error) ? error.retryAfterMs : undefined),
      });
    } catch (error) {
      if (!RetryExhaustedError.isInstance(error) || !ExchangeError.isInstance(error.cause)) throw error;
      const last = error.cause;
      throw new ExchangeError({
        kind: last.kind,
        venue: this.venue,
        message: `${this.venue}: gave up after ${error.attempts} attempts: ${last.message}`,
        cause: error,
        ...(last.retryAfterMs === undefined ? {} : { retryAfterMs: last.retryAfterMs }),
      });
    }
  }

  /** {@link once} under {@link retrying}: the usual way to make a read-only call. */
  call<T>(fn: (exchange: ccxt.Exchange) => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.retrying(() => this.once(fn, signal), signal);
  }

  /** Whether a failed call may nevertheless have been executed by the exchange (timeout, lost response, 5xx). */
  static isAmbiguous(error: unknown): boolean {
    return ExchangeError.isInstance(error) && AMBIGUOUS.has(error.kind);
  }
}

/** Replaces the scheme and host of every URL in ccxt's (possibly nested) `urls.api`. */
function rewriteUrls(api: unknown, base: string): ccxt.Exchange['urls']['api'] {
  const root = base.replace(/\/+$/, '');
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(/^https?:\/\/[^/]+/, root);
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rewrite(inner)]));
    return value;
  };
  return rewrite(api) as ccxt.Exchange['urls']['api'];
}
