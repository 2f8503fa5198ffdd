// Backtest runner throughput (JSON lines): SMA crossover with fees, slippage and SL/TP on >= 1M bars of
// Binance BTC/USDT 1h repeated end to end (benchFixtures.mjs), in a process of its own.
import { runBacktest } from '../dist/index.js';
import { emit, engine, exchange, median, repeated, SYMBOL } from './benchFixtures.mjs';

const REPETITIONS = 9;

// --- backtest throughput: SMA crossover with fees, slippage and SL/TP on >= 1M bars ---
// The first run includes V8's compilation of the hot path (what a one-off backtest in a fresh process
// sees); the median is over the runs after it (what every optimization trial after the first sees).
{
  const series = repeated(1_000_000);
  const rates = [];
  let orders = 0;
  let fills = 0;
  for (let rep = 0; rep <= REPETITIONS; rep++) {
    const e = engine(false);
    const x = exchange();
    const t0 = performance.now();
    const result = runBacktest({ engine: e, series, exchange: x, symbol: SYMBOL });
    const seconds = (performance.now() - t0) / 1000;
    rates.push(series.length / seconds);
    orders = result.orders.length;
    fills = result.fills.length;
  }
  const [first, ...warm] = rates;
  emit({ name: 'backtest.smaCrossover.btc1h', unit: 'bars/s', median: median(warm), min: Math.min(...warm), max: Math.max(...warm), firstRun: first, bars: series.length, orders, fills, repetitions: REPETITIONS });
}
