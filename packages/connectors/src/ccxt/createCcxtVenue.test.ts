import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BarSeries } from '@ares/features';
import { ExchangeError } from '../errors/ExchangeError.js';
import type { ExchangeEmulator } from '../emulator/startExchangeEmulator.js';
import { startExchangeEmulator } from '../emulator/startExchangeEmulator.js';
import type { Fill } from '../venue/orders.type.js';
import { ConnectorOptionError } from './ConnectorOptionError.js';
import type { CcxtVenueOptions } from './createCcxtVenue.js';
import { createCcxtVenue } from './createCcxtVenue.js';

const HOUR = 3_600_000;
const START = Date.UTC(2024, 0, 1);
const ENV = { BINANCE_API_KEY: 'emulator-key', BINANCE_SECRET: 'emulator-secret' };

/** Hourly bars: bar i opens at 100 + i and closes at 100.5 + i, so every fill price is known in advance. */
function rampSeries(n: number): BarSeries {
  return BarSeries.fromRows(
    Array.from({ length: n }, (_, i) => ({ timestamp: START + i * HOUR, open: 100 + i, high: 101 + i, low: 99 + i, close: 100.5 + i, volume: 1_000 })),
  );
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

describe('createCcxtVenue against the exchange emulator over HTTP', () => {
  let emulator: ExchangeEmulator;
  const venue = (extra: Partial<CcxtVenueOptions> = {}) =>
    createCcxtVenue({ ...emulator.ccxt, env: ENV, timeoutMs: 300, retry: { baseDelayMs: 5, maxAttempts: 4, seed: 7 }, ...extra });
  const count = (key: string) => emulator.requests.get(key) ?? 0;

  beforeAll(async () => {
    emulator = await startExchangeEmulator({ series: rampSeries(100), timeframe: '1h' });
    // Bars 0..49 have closed: the last close is 149.5; bar 50 opens at 150.
    emulator.advanceTo(START + 50 * HOUR);
  });
  afterAll(() => emulator.close());

  it('reads the market rules from exchangeInfo (ccxt loadMarkets)', async () => {
    await expect(venue().getMarketInfo('BTC/USDT')).resolves.toEqual({
      symbol: 'BTC/USDT',
      base: 'BTC',
      quote: 'USDT',
      tickSize: 0.01,
      quantityStep: 0.00001,
      minQuantity: 0.00001,
      minNotional: 5,
      makerFee: 0.001,
      takerFee: 0.001,
    });
  });

  it('creates, finds (by id and by client id), lists and cancels a limit order, holding and releasing its cash', async () => {
    const v = venue();
    const order = await v.createOrder({ clientOrderId: 'limit-1', symbol: 'BTC/USDT', side: 'buy', type: 'limit', quantity: 0.5, price: 120 });
    expect(order).toEqual(expect.objectContaining({ clientOrderId: 'limit-1', status: 'open', type: 'limit', side: 'buy', quantity: 0.5, price: 120, filledQuantity: 0 }));
    await expect(v.fetchOrder('BTC/USDT', { orderId: order.id })).resolves.toEqual(expect.objectContaining({ id: order.id, clientOrderId: 'limit-1' }));
    await expect(v.fetchOrder('BTC/USDT', { clientOrderId: 'limit-1' })).resolves.toEqual(expect.objectContaining({ id: order.id }));
    expect((await v.fetchOpenOrders('BTC/USDT')).map((o) => o.id)).toEqual([order.id]);
    // Held by the order: 0.5 × 120 = 60 plus the 0.1 % fee on it, 0.06.
    expect(await v.fetchBalances()).toEqual([{ asset: 'USDT', free: 99_939.94, used: 60.06, total: 100_000 }]);
    const canceled = await v.cancelOrder('BTC/USDT', order.id);
    expect(canceled.status).toBe('canceled');
    await expect(v.fetchOpenOrders()).resolves.toEqual([]);
    expect(await v.fetchBalances()).toEqual([{ asset: 'USDT', free: 100_000, used: 0, total: 100_000 }]);
  });

  it('fills a market order at the next bar open, reports the fill and moves the balances', async () => {
    const v = venue();
    const fills: Fill[] = [];
    v.onFill((fill) => fills.push(fill));
    const order = await v.createOrder({ clientOrderId: 'market-1', symbol: 'BTC/USDT', side: 'buy', type: 'market', quantity: 2 });
    expect(order.status).toBe('open');
    emulator.advanceTo(START + 51 * HOUR); // bar 50 (open 150) closes
    const filled = await v.fetchOrder('BTC/USDT', { orderId: order.id });
    expect(filled).toEqual(expect.objectContaining({ status: 'filled', filledQuantity: 2, averageFillPrice: 150 }));
    expect(fills).toEqual([expect.objectContaining({ orderId: order.id, clientOrderId: 'market-1', side: 'buy', quantity: 2, price: 150 })]);
    // Cash: 100 000 − 2 × 150 − taker fee 0.001 × 300 = 99 699.7; BTC: +2.
    const balances = await v.fetchBalances();
    expect(balances).toEqual([
      { asset: 'BTC', free: 2, used: 0, total: 2 },
      { asset: 'USDT', free: 99_699.7, used: 0, total: 99_699.7 },
    ]);
    // Polling the same order again reports no second fill.
    await v.fetchOrder('BTC/USDT', { clientOrderId: 'market-1' });
    expect(fills).toHaveLength(1);
  });

  it.each([
    ['insufficient-funds', { clientOrderId: 'too-big', symbol: 'BTC/USDT', side: 'buy', type: 'limit', quantity: 10_000, price: 120 }],
    ['invalid-order', { clientOrderId: 'below-minimum', symbol: 'BTC/USDT', side: 'buy', type: 'limit', quantity: 0.01, price: 120 }],
  ] as const)('rejects with kind %s, without retrying', async (kind, request) => {
    const before = count('POST /api/v3/order');
    const error = await venue()
      .createOrder(request)
      .catch((e: unknown) => e);
    expect(ExchangeError.isInstance(error) && { kind: error.kind, isRetryable: error.isRetryable }).toEqual({ kind, isRetryable: false });
    expect(count('POST /api/v3/order') - before).toBeLessThanOrEqual(1);
  });

  it.each([[{ orderId: '424242' }], [{ clientOrderId: 'never-sent' }]])('reports order-not-found for %j', async (id) => {
    await expect(venue().fetchOrder('BTC/USDT', id)).rejects.toMatchObject({ kind: 'order-not-found', isRetryable: false });
  });

  describe('faults', () => {
    it('waits out injected latency', async () => {
      const v = venue({ timeoutMs: 2_000 });
      await v.fetchBalances();
      emulator.faults.latency(150);
      try {
        const [, ms] = await time(() => v.fetchBalances());
        expect(ms).toBeGreaterThanOrEqual(150);
      } finally {
        emulator.faults.latency(0);
      }
    });

    it('retries a 429 no sooner than its Retry-After', async () => {
      const v = venue({ retry: { baseDelayMs: 1, seed: 1 } });
      await v.fetchBalances();
      const before = count('GET /api/v3/account');
      emulator.faults.rateLimit({ path: '/api/v3/account', retryAfterSeconds: 1 });
      const [balances, ms] = await time(() => v.fetchBalances());
      expect(balances.length).toBeGreaterThan(0);
      expect(count('GET /api/v3/account') - before).toBe(2);
      expect(ms).toBeGreaterThanOrEqual(1_000);
    });

    it('retries 5xx answers', async () => {
      const v = venue();
      await v.fetchBalances();
      const before = count('GET /api/v3/account');
      emulator.faults.serverError({ path: '/api/v3/account', times: 2, status: 502 });
      await expect(v.fetchBalances()).resolves.toEqual(expect.any(Array));
      expect(count('GET /api/v3/account') - before).toBe(3);
    });

    it('retries a request that times out (ccxt timeout 300 ms)', async () => {
      const v = venue();
      await v.fetchBalances();
      const before = count('GET /api/v3/account');
      emulator.faults.timeout({ path: '/api/v3/account' });
      await expect(v.fetchBalances()).resolves.toEqual(expect.any(Array));
      expect(count('GET /api/v3/account') - before).toBe(2);
    });

    it('returns the original order, never a duplicate, when the response to an accepted order is lost', async () => {
      const v = venue();
      await v.getMarketInfo('BTC/USDT');
      const created = emulator.ordersCreated;
      const posts = count('POST /api/v3/order');
      emulator.faults.loseResponse({ path: '/api/v3/order', method: 'POST' });
      const order = await v.createOrder({ clientOrderId: 'lost-1', symbol: 'BTC/USDT', side: 'buy', type: 'limit', quantity: 0.1, price: 110 });
      expect(emulator.ordersCreated - created).toBe(1);
      expect(count('POST /api/v3/order') - posts).toBe(1);
      expect(order).toEqual(expect.objectContaining({ clientOrderId: 'lost-1', status: 'open', quantity: 0.1, price: 110 }));
      expect(emulator.exchange.getOrder('BTC/USDT', { clientOrderId: 'lost-1' }).id).toBe(order.id);
      await v.cancelOrder('BTC/USDT', order.id);
    });

    it('returns the canceled order when the response to a cancel is lost', async () => {
      const v = venue();
      const order = await v.createOrder({ clientOrderId: 'cancel-lost', symbol: 'BTC/USDT', side: 'buy', type: 'limit', quantity: 0.1, price: 112 });
      const [deletes, gets] = [count('DELETE /api/v3/order'), count('GET /api/v3/order')];
      emulator.faults.loseResponse({ path: '/api/v3/order', method: 'DELETE' });
      await expect(v.cancelOrder('BTC/USDT', order.id)).resolves.toEqual(expect.objectContaining({ id: order.id, status: 'canceled' }));
      // One cancel, then a lookup that finds it done: no second cancel request.
      expect([count('DELETE /api/v3/order') - deletes, count('GET /api/v3/order') - gets]).toEqual([1, 1]);
    });

    it('resubmits once, after looking the order up, when the order request timed out before reaching the book', async () => {
      const v = venue();
      await v.getMarketInfo('BTC/USDT');
      const created = emulator.ordersCreated;
      const lookups = count('GET /api/v3/order');
      emulator.faults.timeout({ path: '/api/v3/order', method: 'POST' });
      const order = await v.createOrder({ clientOrderId: 'timeout-1', symbol: 'BTC/USDT', side: 'buy', type: 'limit', quantity: 0.1, price: 111 });
      expect(emulator.ordersCreated - created).toBe(1);
      expect(count('GET /api/v3/order') - lookups).toBe(1);
      expect(order.clientOrderId).toBe('timeout-1');
      await v.cancelOrder('BTC/USDT', order.id);
    });

    it.each([
      ['exchange-unavailable', () => emulator.faults.serverError({ path: '/api/v3/account', times: 3 })],
      ['rate-limited', () => emulator.faults.rateLimit({ path: '/api/v3/account', times: 3, retryAfterSeconds: 0 })],
      ['network', () => emulator.faults.timeout({ path: '/api/v3/account', times: 3 })],
    ] as const)('gives up with a typed %s error once retries are exhausted', async (kind, arm) => {
      const v = venue({ retry: { maxAttempts: 3, baseDelayMs: 1, seed: 3 } });
      await v.fetchBalances();
      arm();
      const error = await v.fetchBalances().catch((e: unknown) => e);
      expect(ExchangeError.isInstance(error) && { kind: error.kind, isRetryable: error.isRetryable }).toEqual({ kind, isRetryable: true });
      expect((error as Error).message).toContain('gave up after 3 attempts');
    });
  });

  describe('credentials', () => {
    it.each([
      [{}, 'BINANCE_API_KEY'],
      [{ BINANCE_API_KEY: 'k' }, 'BINANCE_SECRET'],
    ])('refuses to start without the key variable (env %j names %s)', (env, name) => {
      const error = (() => {
        try {
          return createCcxtVenue({ exchangeId: 'binance', env });
        } catch (e) {
          return e;
        }
      })();
      expect(ExchangeError.isInstance(error) && error.kind).toBe('authentication');
      expect((error as Error).message).toContain(`"${name}"`);
    });

    it('reads keys from the variables it is told to', () => {
      expect(() => createCcxtVenue({ exchangeId: 'kraken', apiKeyEnv: 'MY_KEY', secretEnv: 'MY_SECRET', env: { MY_KEY: 'k' } })).toThrow('"MY_SECRET"');
      expect(createCcxtVenue({ exchangeId: 'kraken', apiKeyEnv: 'MY_KEY', secretEnv: 'MY_SECRET', env: { MY_KEY: 'k', MY_SECRET: 's' } }).name).toBe('ccxt:kraken');
    });

    it('maps a bad signature to authentication and does not retry it', async () => {
      const v = venue({ env: { ...ENV, BINANCE_SECRET: 'wrong-secret' } });
      const before = count('GET /api/v3/account');
      await expect(v.fetchBalances()).rejects.toMatchObject({ kind: 'authentication', isRetryable: false });
      expect(count('GET /api/v3/account') - before).toBe(1);
    });

    it('maps an unknown API key to authentication', async () => {
      await expect(venue({ env: { ...ENV, BINANCE_API_KEY: 'someone-else' } }).fetchBalances()).rejects.toMatchObject({ kind: 'authentication' });
    });

    it('rejects an exchange id ccxt does not know', () => {
      expect(() => createCcxtVenue({ exchangeId: 'nasdaq', env: { NASDAQ_API_KEY: 'k', NASDAQ_SECRET: 's' } })).toThrow(ConnectorOptionError);
    });
  });
});
