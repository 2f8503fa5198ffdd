import * as ccxt from 'ccxt';
import type { ExchangeErrorKind } from '../errors/ExchangeError.js';
import { ExchangeError } from '../errors/ExchangeError.js';

/**
 * ccxt's error classes mapped to our kinds, most specific first (ccxt's classes form a hierarchy:
 * `OrderNotFound` is an `InvalidOrder`, `OnMaintenance` an `ExchangeNotAvailable`, every network
 * failure a `NetworkError`). A server's rejection that fits nothing better is an invalid order: the
 * same request would be rejected again.
 */
const KINDS: ReadonlyArray<readonly [new (...args: never[]) => Error, ExchangeErrorKind]> = [
  [ccxt.OrderNotFound, 'order-not-found'],
  [ccxt.InsufficientFunds, 'insufficient-funds'],
  [ccxt.InvalidOrder, 'invalid-order'],
  [ccxt.AuthenticationError, 'authentication'],
  [ccxt.RateLimitExceeded, 'rate-limited'],
  [ccxt.DDoSProtection, 'rate-limited'],
  [ccxt.ExchangeNotAvailable, 'exchange-unavailable'],
  [ccxt.NetworkError, 'network'],
  [ccxt.OperationFailed, 'exchange-unavailable'],
  [ccxt.ExchangeError, 'invalid-order'],
];

/**
 * Classifies an error thrown by a ccxt call as an {@link ExchangeError}; anything that is not a ccxt
 * error (a programming error) is returned as is. `retryAfterMs` is the server's Retry-After, if any.
 */
export function mapCcxtError(error: unknown, venue: string, retryAfterMs?: number): unknown {
  if (ExchangeError.isInstance(error) || !(error instanceof ccxt.BaseError)) return error;
  const kind = KINDS.find(([type]) => error instanceof type)?.[1] ?? 'invalid-order';
  return new ExchangeError({
    kind,
    venue,
    message: `${venue}: ${error.constructor.name}: ${error.message}`,
    cause: error,
    ...(kind === 'rate-limited' && retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

/**
 * A Retry-After header value in ms: delta-seconds, or an HTTP-date compared with `now`.
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-retry-after
 */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1_000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
