import { describe, expect, it } from '@jest/globals';
import * as ccxt from 'ccxt';
import { ExchangeError } from '../errors/ExchangeError.js';
import { mapCcxtError, parseRetryAfter } from './mapCcxtError.js';

describe('mapCcxtError', () => {
  it.each([
    [ccxt.InsufficientFunds, 'insufficient-funds', false],
    [ccxt.InvalidOrder, 'invalid-order', false],
    [ccxt.OrderNotFound, 'order-not-found', false],
    [ccxt.AuthenticationError, 'authentication', false],
    [ccxt.PermissionDenied, 'authentication', false],
    [ccxt.AccountSuspended, 'authentication', false],
    [ccxt.RateLimitExceeded, 'rate-limited', true],
    [ccxt.DDoSProtection, 'rate-limited', true],
    [ccxt.ExchangeNotAvailable, 'exchange-unavailable', true],
    [ccxt.OnMaintenance, 'exchange-unavailable', true],
    [ccxt.OperationFailed, 'exchange-unavailable', true],
    [ccxt.NetworkError, 'network', true],
    [ccxt.RequestTimeout, 'network', true],
    [ccxt.InvalidNonce, 'network', true],
    [ccxt.BadSymbol, 'invalid-order', false],
    [ccxt.NotSupported, 'invalid-order', false],
    [ccxt.ExchangeError, 'invalid-order', false],
  ] as const)('maps ccxt %p to %s (retryable: %s)', (ErrorClass, kind, isRetryable) => {
    const mapped = mapCcxtError(new ErrorClass('binance boom'), 'binance');
    expect(ExchangeError.isInstance(mapped) && { kind: mapped.kind, isRetryable: mapped.isRetryable, venue: mapped.venue }).toEqual({ kind, isRetryable, venue: 'binance' });
  });

  it('keeps the Retry-After of a rate limit only', () => {
    expect(mapCcxtError(new ccxt.RateLimitExceeded('429'), 'binance', 2_000)).toMatchObject({ retryAfterMs: 2_000 });
    expect(mapCcxtError(new ccxt.ExchangeNotAvailable('503'), 'binance', 2_000)).toMatchObject({ retryAfterMs: undefined });
  });

  it('passes programming errors and ExchangeErrors through unchanged', () => {
    const bug = new TypeError('x is undefined');
    expect(mapCcxtError(bug, 'binance')).toBe(bug);
    const mapped = new ExchangeError({ kind: 'network', venue: 'binance', message: 'm' });
    expect(mapCcxtError(mapped, 'binance')).toBe(mapped);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  it.each([
    ['2', 2_000],
    [' 0 ', 0],
    // An HTTP-date 90 s after `now`.
    ['Thu, 01 Jan 2026 12:01:30 GMT', 90_000],
    // A date in the past means "now".
    ['Thu, 01 Jan 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('reads %p as %p ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
