import { describe, expect, it } from '@jest/globals';
import { btcBars, makeEngine, makeExchange, SYMBOL } from '../__fixtures__/engineFixtures.js';
import { TradingEngineError } from '../engine/TradingEngineError.js';
import { runBacktest } from '../runner/runBacktest.js';
import type { BacktestResult } from '../runner/runBacktest.js';
import { SmaCrossoverStrategy } from './SmaCrossoverStrategy.js';

/** Plain-loop SMA: the mean of the last `period` closes, NaN before. */
function sma(close: Float64Array, period: number): Float64Array {
  const out = new Float64Array(close.length).fill(Number.NaN);
  for (let i = period - 1; i < close.length; i++) {
    let sum = 0;
    for (let k = i - period + 1; k <= i; k++) sum += close[k] as number;
    out[i] = sum / period;
  }
  return out;
}

/** Bars where sign(fast − slow) flips from a previous non-zero side: +1 up, −1 down. */
function crossovers(close: Float64Array, fast: number, slow: number): Map<number, 1 | -1> {
  const f = sma(close, fast);
  const s = sma(close, slow);
  const crosses = new Map<number, 1 | -1>();
  let side = 0;
  for (let i = slow - 1; i < close.length; i++) {
    const d = (f[i] as number) - (s[i] as number);
    const now = d > 0 ? 1 : d < 0 ? -1 : 0;
    if (now === 0) continue;
    if (side !== 0 && now !== side) crosses.set(i, now);
    side = now;
  }
  return crosses;
}

function intentBars(result: BacktestResult, timestamps: Float64Array): { bar: number; side: string }[] {
  return result.orders.map((o) => ({ bar: timestamps.indexOf(Number(o.intent.clientOrderId.split('-')[1])), side: o.intent.side }));
}

describe('SmaCrossoverStrategy', () => {
  it.each([
    [{ fast: 0, slow: 10 }, 'config.fast'],
    [{ fast: 10, slow: 10 }, 'config.slow'],
    [{ fast: 2.5, slow: 10 }, 'config.fast'],
  ])('rejects the invalid config %j naming %s', (config, path) => {
    expect(() => new SmaCrossoverStrategy(config)).toThrow(TradingEngineError);
    expect(() => new SmaCrossoverStrategy(config)).toThrow(`Invalid "${path}"`);
  });

  it.each([
    [10, 30],
    [20, 50],
  ])('long-only SMA(%i/%i) on 3000 BTC 1h bars enters and exits exactly on the hand-computed crossover bars', (fast, slow) => {
    const series = btcBars(3000);
    const engine = makeEngine(new SmaCrossoverStrategy({ fast, slow, mode: 'long-only' }));
    const result = runBacktest({ engine, series, exchange: makeExchange(), symbol: SYMBOL }) as BacktestResult;

    const expected: { bar: number; side: string }[] = [];
    let long = false;
    for (const [bar, direction] of [...crossovers(series.close, fast, slow)].sort((a, b) => a[0] - b[0])) {
      if (direction === 1 && !long) expected.push({ bar, side: 'buy' });
      if (direction === -1 && long) expected.push({ bar, side: 'sell' });
      long = direction === 1;
    }
    expect(expected.length).toBeGreaterThan(40);
    expect(intentBars(result, series.timestamp)).toEqual(expected);
    expect(result.orders.every((o) => o.status === 'accepted')).toBe(true);
    // Each entry fills at the next bar's open: one fill per order.
    expect(result.fills.length).toBe(result.orders.length);
  });

  it('long-short reverses on a bearish cross: exit at the cross bar, short entry at the next bar', () => {
    const series = btcBars(1500);
    const engine = makeEngine(new SmaCrossoverStrategy({ fast: 10, slow: 30, mode: 'long-short' }));
    const result = runBacktest({ engine, series, exchange: makeExchange({ allowShort: true }), symbol: SYMBOL }) as BacktestResult;
    const crosses = [...crossovers(series.close, 10, 30)].sort((a, b) => a[0] - b[0]);
    const expected: { bar: number; side: string }[] = [];
    let held = 0;
    for (const [bar, direction] of crosses) {
      if (held === 0) expected.push({ bar, side: direction === 1 ? 'buy' : 'sell' });
      else if (held !== direction) {
        // Close now; the opposite entry follows at the next close unless another cross decides first.
        expected.push({ bar, side: held === 1 ? 'sell' : 'buy' });
        if (!crosses.some(([b]) => b === bar + 1)) expected.push({ bar: bar + 1, side: direction === 1 ? 'buy' : 'sell' });
      }
      held = direction;
    }
    expect(intentBars(result, series.timestamp)).toEqual(expected);
  });
});
