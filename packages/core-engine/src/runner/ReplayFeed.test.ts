import { describe, expect, it } from '@jest/globals';
import { SimClock } from '@ares/pipeline-kit';
import { btcBars, SYMBOL } from '../__fixtures__/engineFixtures.js';
import { TradingEngineError } from '../engine/TradingEngineError.js';
import { ReplayFeed } from './ReplayFeed.js';

const HOUR = 3_600_000;

describe('ReplayFeed', () => {
  it('yields every bar in order after advancing the clock to its close', async () => {
    const series = btcBars(50);
    const clock = new SimClock(series.timestamp[0]);
    const feed = new ReplayFeed(series, { clock, symbol: SYMBOL, timeframe: '1h' });
    const seen: number[] = [];
    for await (const bar of feed.watchClosedBars(SYMBOL, '1h', new AbortController().signal)) {
      expect(clock.now()).toBe(bar.timestamp + HOUR);
      seen.push(bar.timestamp);
    }
    expect(seen).toEqual(Array.from(series.timestamp));
    const ticker = await feed.fetchTicker(SYMBOL);
    expect(ticker).toEqual({ symbol: SYMBOL, timestamp: clock.now(), bid: series.close[49], ask: series.close[49], last: series.close[49] });
  });

  it('returns the bars with since <= timestamp < until from fetchBars', async () => {
    const series = btcBars(50);
    const feed = new ReplayFeed(series, { clock: new SimClock(0), symbol: SYMBOL, timeframe: '1h' });
    const since = series.timestamp[10] as number;
    const bars = await feed.fetchBars(SYMBOL, '1h', since, since + 5 * HOUR);
    expect(Array.from(bars.timestamp)).toEqual(Array.from(series.timestamp.subarray(10, 15)));
  });

  it('refuses another symbol or timeframe, and a ticker before the first bar', async () => {
    const feed = new ReplayFeed(btcBars(5), { clock: new SimClock(0), symbol: SYMBOL, timeframe: '1h' });
    await expect(feed.fetchBars('ETH/USDT', '1h', 0, 1)).rejects.toThrow(TradingEngineError);
    await expect(feed.fetchBars(SYMBOL, '4h', 0, 1)).rejects.toThrow('expected "BTC/USDT" "1h"');
    await expect(feed.fetchTicker(SYMBOL)).rejects.toThrow('the replay has not yielded a bar');
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    const feed = new ReplayFeed(btcBars(20), { clock: new SimClock(0), symbol: SYMBOL, timeframe: '1h' });
    let count = 0;
    for await (const _ of feed.watchClosedBars(SYMBOL, '1h', controller.signal)) if (++count === 3) controller.abort();
    expect(count).toBe(3);
  });
});
