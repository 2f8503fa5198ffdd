import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BarSeries } from '@ares/features';
import type { ExchangeEmulator } from './startExchangeEmulator.js';
import { startExchangeEmulator } from './startExchangeEmulator.js';

const HOUR = 3_600_000;
const START = Date.UTC(2024, 0, 1);
// The worked example of Binance's "SIGNED endpoint examples for POST /api/v3/order" (HMAC keys).
// @see https://developers.binance.com/docs/binance-spot-api-docs/rest-api/endpoint-security-type
const DOC_KEY = 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';
const DOC_SECRET = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
const DOC_QUERY = 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';
const DOC_SIGNATURE = 'c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71';
// The same order with its first four parameters in the query string and the rest in the body.
const DOC_MIXED_SIGNATURE = '0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77';

describe('startExchangeEmulator over raw HTTP', () => {
  let emulator: ExchangeEmulator;
  const get = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${emulator.url}${path}`, init);
    return { status: response.status, body: (await response.json()) as unknown };
  };

  beforeAll(async () => {
    const rows = Array.from({ length: 48 }, (_, i) => ({ timestamp: START + i * HOUR, open: 100 + i, high: 102 + i, low: 99 + i, close: 101 + i, volume: 2 }));
    emulator = await startExchangeEmulator({ series: BarSeries.fromRows(rows), timeframe: '1h', apiKey: DOC_KEY, secret: DOC_SECRET });
    emulator.advanceTo(START + 30 * HOUR + 1); // bars 0..29 closed, bar 30 open
  });
  afterAll(() => emulator.close());

  it('answers ping and time with the market clock', async () => {
    expect(await get('/api/v3/ping')).toEqual({ status: 200, body: {} });
    expect(await get('/api/v3/time')).toEqual({ status: 200, body: { serverTime: START + 30 * HOUR + 1 } });
  });

  it('serves only closed klines in Binance layout, the latest `limit` without startTime', async () => {
    const { body } = await get('/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=2');
    expect(body).toEqual([
      [START + 28 * HOUR, '128.00000000', '130.00000000', '127.00000000', '129.00000000', '2.00000000', START + 29 * HOUR - 1, '258.00000000', 0, '0.00000000', '0.00000000', '0'],
      [START + 29 * HOUR, '129.00000000', '131.00000000', '128.00000000', '130.00000000', '2.00000000', START + 30 * HOUR - 1, '260.00000000', 0, '0.00000000', '0.00000000', '0'],
    ]);
  });

  it.each([
    ['startTime only', `startTime=${START + 5 * HOUR}&limit=3`, [5, 6, 7]],
    ['startTime between bars', `startTime=${START + 5 * HOUR + 1}&limit=2`, [6, 7]],
    ['endTime inclusive', `endTime=${START + 5 * HOUR}&limit=2`, [4, 5]],
    ['both', `startTime=${START + 27 * HOUR}&endTime=${START + 40 * HOUR}`, [27, 28, 29]],
    ['limit capped at 1000', 'limit=5000', Array.from({ length: 30 }, (_, i) => i)],
  ])('pages klines: %s', async (_, query, indices) => {
    const { body } = await get(`/api/v3/klines?symbol=BTCUSDT&interval=1h&${query}`);
    expect((body as number[][]).map((k) => ((k[0] as number) - START) / HOUR)).toEqual(indices);
  });

  it.each([
    ['/api/v3/klines?symbol=BTCUSDT&interval=5m', 400, -1120],
    ['/api/v3/klines?symbol=ETHUSDT&interval=1h', 400, -1121],
    ['/api/v3/klines?interval=1h', 400, -1102],
    ['/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=abc', 400, -1100],
    ['/api/v3/depth?symbol=BTCUSDT', 404, -1000],
  ])('answers %s with HTTP %i and Binance code %i', async (path, status, code) => {
    const response = await get(path);
    expect({ status: response.status, code: (response.body as { code: number }).code }).toEqual({ status, code });
  });

  it("accepts Binance's documented signature (all in the query) and rejects it with one byte changed", async () => {
    const headers = { 'X-MBX-APIKEY': DOC_KEY };
    // Authentication passes; the emulator then refuses the documentation's symbol.
    expect(await get(`/api/v3/order?${DOC_QUERY}&signature=${DOC_SIGNATURE}`, { method: 'POST', headers })).toEqual({ status: 400, body: { code: -1121, msg: 'Invalid symbol.' } });
    const tampered = DOC_QUERY.replace('price=0.1', 'price=0.2');
    expect(await get(`/api/v3/order?${tampered}&signature=${DOC_SIGNATURE}`, { method: 'POST', headers })).toEqual({
      status: 400,
      body: { code: -1022, msg: 'Signature for this request is not valid.' },
    });
  });

  it("accepts Binance's documented signature over query string + body", async () => {
    const [query, body] = [DOC_QUERY.split('&').slice(0, 4).join('&'), DOC_QUERY.split('&').slice(4).join('&')];
    const response = await get(`/api/v3/order?${query}`, {
      method: 'POST',
      headers: { 'X-MBX-APIKEY': DOC_KEY, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `${body}&signature=${DOC_MIXED_SIGNATURE}`,
    });
    expect(response.body).toEqual({ code: -1121, msg: 'Invalid symbol.' });
  });

  it.each([
    ['no API key header', {}, `${DOC_QUERY}&signature=${DOC_SIGNATURE}`, 401, -2014],
    ['a wrong API key', { 'X-MBX-APIKEY': 'nope' }, `${DOC_QUERY}&signature=${DOC_SIGNATURE}`, 401, -2015],
    ['no timestamp', { 'X-MBX-APIKEY': DOC_KEY }, 'symbol=BTCUSDT&signature=00', 400, -1102],
  ])('refuses a signed request with %s', async (_, headers, query, status, code) => {
    const response = await get(`/api/v3/account?${query}`, { headers });
    expect({ status: response.status, code: (response.body as { code: number }).code }).toEqual({ status, code });
  });

  it('serves the 24 h ticker from closed bars only', async () => {
    const { body } = await get('/api/v3/ticker/24hr?symbol=BTCUSDT');
    // The last 24 closed bars are 6..29: open 106, high max 131, low min 105, close 130, volume 24 × 2.
    expect(body).toEqual(
      expect.objectContaining({ lastPrice: '130.00000000', openPrice: '106.00000000', highPrice: '131.00000000', lowPrice: '105.00000000', volume: '48.00000000', bidPrice: '130.00000000', askPrice: '130.01000000' }),
    );
  });

  it('refuses advanceTo when it runs on a clock of its own', async () => {
    const live = await startExchangeEmulator({ series: BarSeries.fromRows([{ timestamp: START, open: 1, high: 1, low: 1, close: 1, volume: 1 }]), timeframe: '1h', clock: { now: () => START, setTimer: () => undefined, setTimeAlert: () => undefined, cancelTimer: () => undefined } });
    try {
      expect(() => live.advanceTo(START + HOUR)).toThrow('SimClock');
    } finally {
      await live.close();
    }
  });
});
