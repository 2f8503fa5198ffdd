export type ExchangeErrorKind =
  | 'insufficient-funds'
  | 'invalid-order'
  | 'rate-limited'
  | 'exchange-unavailable'
  | 'authentication'
  | 'order-not-found'
  | 'network';

const RETRYABLE: Readonly<Record<ExchangeErrorKind, boolean>> = {
  'insufficient-funds': false,
  'invalid-order': false,
  'rate-limited': true,
  'exchange-unavailable': true,
  authentication: false,
  'order-not-found': false,
  network: true,
};

const marker = 'ares.error.Exchange';
const symbol = Symbol.for(marker);

/**
 * A venue failure, classified. `isRetryable` says whether the same request may succeed later
 * (rate limits, 5xx, timeouts, network); `retryAfterMs` carries a server's Retry-After.
 */
export class ExchangeError extends Error {
  private readonly [symbol] = true;
  readonly kind: ExchangeErrorKind;
  readonly isRetryable: boolean;
  /** The venue that failed, e.g. `binance` or `simulated`. */
  readonly venue: string;
  readonly retryAfterMs: number | undefined;

  constructor(o: { kind: ExchangeErrorKind; venue: string; message: string; retryAfterMs?: number; cause?: unknown }) {
    super(o.message, { cause: o.cause });
    this.name = 'ExchangeError';
    this.kind = o.kind;
    this.venue = o.venue;
    this.isRetryable = RETRYABLE[o.kind];
    this.retryAfterMs = o.retryAfterMs;
  }

  static isInstance(error: unknown): error is ExchangeError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
