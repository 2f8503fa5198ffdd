// Bars per second of one backtest (SMA crossover, fees, slippage, SL/TP) on 1 000 000 synthetic 1h bars,
// through the app's runStrategyBacktest (engine + simulated venue + trade list + metrics, Monte Carlo off),
// and the wall time of the default Monte Carlo (3 × 1000 paths) on the default 2-year run.
// Build first: `pnpm build`. Prints one JSON object per line, then a table.
import { performance } from 'node:perf_hooks';
import { loadMarketData } from '../dist/backtest/loadMarketData.js';
import { runStrategyBacktest } from '../dist/backtest/runStrategyBacktest.js';
import { BacktestConfigSchema } from '../dist/config/BacktestConfigSchema.js';

const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 5);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

async function measure(name, unit, work, toValue) {
  await work(); // warm-up
  const samples = [];
  for (let r = 0; r < REPETITIONS; r++) {
    const start = performance.now();
    const result = await work();
    samples.push(toValue(performance.now() - start, result));
  }
  const line = { name, unit, median: Math.round(median(samples)), min: Math.round(Math.min(...samples)), max: Math.round(Math.max(...samples)), repetitions: REPETITIONS };
  console.log(JSON.stringify(line));
  return line;
}

const bars = 1_000_000;
const big = await loadMarketData({ source: 'synthetic', syntheticBars: bars, seed: 42 });
const single = BacktestConfigSchema.parse({ stops: { stopLossPct: 0.03, takeProfitPct: 0.06 }, monteCarlo: { paths: 0 } });
const rows = [];
rows.push(
  await measure('backtest.sma-crossover.1M-bars', 'bars/s', () => runStrategyBacktest(single, big), (ms) => (bars / ms) * 1000),
);

const twoYears = await loadMarketData({ source: 'synthetic', syntheticBars: 17_520, seed: 42 });
const withMonteCarlo = BacktestConfigSchema.parse({});
const noMonteCarlo = BacktestConfigSchema.parse({ monteCarlo: { paths: 0 } });
const base = await measure('backtest.default.17520-bars.no-monte-carlo', 'ms', () => runStrategyBacktest(noMonteCarlo, twoYears), (ms) => ms);
const full = await measure('backtest.default.17520-bars.monte-carlo-3x1000', 'ms', () => runStrategyBacktest(withMonteCarlo, twoYears), (ms) => ms);
const overhead = { name: 'monte-carlo.cost-vs-backtest', unit: 'ratio', median: Number((full.median / base.median).toFixed(2)) };
console.log(JSON.stringify(overhead));
rows.push(base, full, overhead);

console.log('\nbenchmark                                         median        unit');
for (const r of rows) console.log(`${r.name.padEnd(50)}${String(r.median).padStart(10)}  ${r.unit}`);
