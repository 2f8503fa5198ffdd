import { describe, expect, it } from '@jest/globals';
import { btcBars, makeEngine, makeExchange, SYMBOL } from '../__fixtures__/engineFixtures.js';
import { TradingEngineError } from '../engine/TradingEngineError.js';
import { type BacktestResult, runBacktest } from '../runner/runBacktest.js';
import { RsiMeanReversionStrategy } from './RsiMeanReversionStrategy.js';

/**
 * Wilder's RSI by hand: the first average gain/loss is the simple mean of the first `period` changes,
 * then avg = (avg · (period − 1) + x) / period; RSI = 100 − 100 / (1 + gain / loss). NaN before index `period`.
 */
function wilderRsi(close: Float64Array, period: number): Float64Array {
  const out = new Float64Array(close.length).fill(Number.NaN);
  let gain = 0;
  let loss = 0;
  for (let i = 1; i < close.length; i++) {
    const change = (close[i] as number) - (close[i - 1] as number);
    const up = Math.max(change, 0);
    const down = Math.max(-change, 0);
    if (i <= period) {
      gain += up / period;
      loss += down / period;
    } else {
      gain = (gain * (period - 1) + up) / period;
      loss = (loss * (period - 1) + down) / period;
    }
    if (i >= period) out[i] = loss === 0 ? 100 : 100 - 100 / (1 + gain / loss);
  }
  return out;
}

describe('RsiMeanReversionStrategy', () => {
  it.each([
    [{ period: 1 }, 'config.period'],
    [{ lower: 70, upper: 30 }, 'config.upper'],
    [{ lower: 0 }, 'config.lower'],
    [{ exit: 80 }, 'config.exit'],
  ])('rejects the invalid config %j naming %s', (config, path) => {
    expect(() => new RsiMeanReversionStrategy(config)).toThrow(TradingEngineError);
    expect(() => new RsiMeanReversionStrategy(config)).toThrow(`Invalid "${path}"`);
  });

  it.each([
    [14, 30, 70, undefined],
    [14, 25, 75, 55],
  ])('RSI(%i) %i/%i exit %s on 3000 BTC 1h bars trades exactly where a hand-computed Wilder RSI says', (period, lower, upper, exit) => {
    const series = btcBars(3000);
    const engine = makeEngine(new RsiMeanReversionStrategy({ period, lower, upper, exit }));
    const result = runBacktest({ engine, series, exchange: makeExchange(), symbol: SYMBOL }) as BacktestResult;
    const rsi = wilderRsi(series.close, period);
    const expected: { bar: number; side: string }[] = [];
    let long = false;
    rsi.forEach((value, bar) => {
      if (!long && value < lower) {
        expected.push({ bar, side: 'buy' });
        long = true;
      } else if (long && (value > upper || (exit !== undefined && value >= exit))) {
        expected.push({ bar, side: 'sell' });
        long = false;
      }
    });
    expect(expected.length).toBeGreaterThan(10);
    const actual = result.orders.map((o) => ({ bar: series.timestamp.indexOf(Number(o.intent.clientOrderId.split('-')[1])), side: o.intent.side }));
    expect(actual).toEqual(expected);
  });
});
