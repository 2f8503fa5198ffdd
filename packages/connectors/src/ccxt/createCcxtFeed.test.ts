import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Bar } from '@ares/features';
import { BarSeries } from '@ares/features';
import { SimClock } from '@ares/pipeline-kit';
import type { ExchangeEmulator } from '../emulator/startExchangeEmulator.js';
import { startExchangeEmulator } from '../emulator/startExchangeEmulator.js';
import { ConnectorOptionError } from './ConnectorOptionError.js';
import { createCcxtFeed } from './createCcxtFeed.js';

const MINUTE = 60_000;
const START = Date.UTC(2024, 0, 1);
const BARS = 2_600;

/** Minute bars whose fields encode their index: open 1000 + i, volume i. */
function indexedSeries(n: number): BarSeries {
  return BarSeries.fromRows(Array.from({ length: n }, (_, i) => ({ timestamp: START + i * MINUTE, open: 1_000 + i, high: 1_001 + i, low: 999 + i, close: 1_000.5 + i, volume: i })));
}

describe('createCcxtFeed against the exchange emulator over HTTP', () => {
  let emulator: ExchangeEmulator;
  const clock = new SimClock(START);
  const series = indexedSeries(BARS);
  const feed = () => createCcxtFeed({ ...emulator.ccxt, clock, timeoutMs: 2_000, pollDelayMs: 1_000 });

  beforeAll(async () => {
    emulator = await startExchangeEmulator({ series, timeframe: '1m', clock });
    emulator.advanceTo(START + 2_500 * MINUTE); // bars 0..2499 closed
  });
  afterAll(() => emulator.close());

  it('pages through more than 1000 bars (Binance caps a page at 1000) without gaps or duplicates', async () => {
    const before = emulator.requests.get('GET /api/v3/klines') ?? 0;
    const bars = await feed().fetchBars('BTC/USDT', '1m', START + 10 * MINUTE, START + 2_410 * MINUTE);
    expect(bars.length).toBe(2_400);
    expect(bars.at(0)).toEqual(series.at(10));
    expect(bars.at(-1)).toEqual(series.at(2_409));
    const steps = new Set(Array.from(bars.timestamp.subarray(1), (t, i) => t - (bars.timestamp[i] as number)));
    expect([...steps]).toEqual([MINUTE]);
    // 2400 bars at 1000 a page: three requests.
    expect((emulator.requests.get('GET /api/v3/klines') ?? 0) - before).toBe(3);
  });

  it('returns only closed bars, even when asked for more', async () => {
    const bars = await feed().fetchBars('BTC/USDT', '1m', START + 2_450 * MINUTE, START + 3_000 * MINUTE);
    expect(bars.length).toBe(50);
    expect(bars.at(-1).timestamp).toBe(START + 2_499 * MINUTE);
  });

  it('returns an empty series for a range before the data', async () => {
    await expect(feed().fetchBars('BTC/USDT', '1m', START - 100 * MINUTE, START)).resolves.toHaveLength(0);
  });

  it('reads the ticker: last close, bid at it, ask one tick above', async () => {
    await expect(feed().fetchTicker('BTC/USDT')).resolves.toEqual({ symbol: 'BTC/USDT', timestamp: expect.any(Number), bid: 3_499.5, ask: 3_499.51, last: 3_499.5 });
  });

  it('emits each bar once after it closes, polling on the clock', async () => {
    const controller = new AbortController();
    const bars = feed().watchClosedBars('BTC/USDT', '1m', controller.signal)[Symbol.asyncIterator]();
    const first = bars.next(); // the poll is now waiting for bar 2500 to close at START + 2501 min
    emulator.advanceTo(START + 2_501 * MINUTE + 1_000);
    expect(((await first).value as Bar).timestamp).toBe(START + 2_500 * MINUTE);
    // Three more bars close before the next poll: all three come, in order.
    const next = bars.next();
    emulator.advanceTo(START + 2_504 * MINUTE + 1_000);
    const received = [((await next).value as Bar).timestamp, ((await bars.next()).value as Bar).timestamp, ((await bars.next()).value as Bar).timestamp];
    expect(received).toEqual([2_501, 2_502, 2_503].map((i) => START + i * MINUTE));
    const pending = bars.next();
    controller.abort();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });

  it('builds on ccxt.pro when websockets are asked for', () => {
    expect(createCcxtFeed({ exchangeId: 'binance', websocket: true }).name).toBe('ccxt:binance');
    expect(() => createCcxtFeed({ exchangeId: 'not-an-exchange', websocket: true })).toThrow('ccxt.pro');
  });

  it.each([
    ['pageLimit', { pageLimit: 0 }],
    ['pollDelayMs', { pollDelayMs: -1 }],
    ['timeoutMs', { timeoutMs: 1.5 }],
  ])('rejects a bad %s', (argument, bad) => {
    const error = (() => {
      try {
        return createCcxtFeed({ exchangeId: 'binance', ...bad });
      } catch (e) {
        return e;
      }
    })();
    expect(ConnectorOptionError.isInstance(error) && error.argument).toBe(argument);
  });
});
