// Benchmarks of @ares/analytics against the built dist/ (run `pnpm build` first).
// Prints one JSON object per line (name, unit, median, runs, extra ratios), then a short table.
import {
  blockBootstrapReturns,
  bootstrapTrades,
  computeMetrics,
  monthlyReturns,
  probabilityOfBacktestOverfitting,
  reshuffleTrades,
  SeededRandom,
} from '../dist/index.js';

const REPETITIONS = 5;

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs fn REPETITIONS times (after one warm-up) and returns the median wall time in ms. */
function timeMs(fn) {
  fn();
  const times = [];
  for (let i = 0; i < REPETITIONS; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

const results = [];
function report(name, unit, value, extra = {}) {
  const line = { name, unit, median: Number(value.toPrecision(4)), runs: REPETITIONS, ...extra };
  results.push(line);
  console.log(JSON.stringify(line));
}

// 1M hourly bars of a seeded random-walk equity curve.
const random = new SeededRandom(1);
const BARS = 1_000_000;
const timestamps = new Float64Array(BARS);
const equity = new Float64Array(BARS);
equity[0] = 10_000;
for (let i = 0; i < BARS; i++) {
  timestamps[i] = Date.UTC(2020, 0, 1) + i * 3_600_000;
  if (i > 0) equity[i] = equity[i - 1] * (1 + 0.00002 + 0.004 * random.nextGaussian());
}
const trades = Array.from({ length: 5000 }, (_, k) => {
  const entry = timestamps[k * 200];
  const pnl = 50 * random.nextGaussian();
  return { entryTime: entry, exitTime: entry + 100 * 3_600_000, side: 'long', quantity: 0.1, entryPrice: 30_000, exitPrice: 30_000 + pnl * 10, pnl, fees: 3, returnPct: pnl / 3000 };
});

// Baseline peer: a bare single loop computing only the Sharpe ratio and max drawdown, the floor any
// implementation pays to read 1M bars once.
function bareLoop() {
  let sum = 0;
  let sumSquares = 0;
  let peak = equity[0];
  let maxDd = 0;
  for (let i = 1; i < BARS; i++) {
    const r = equity[i] / equity[i - 1] - 1;
    sum += r;
    sumSquares += r * r;
    if (equity[i] > peak) peak = equity[i];
    else maxDd = Math.max(maxDd, 1 - equity[i] / peak);
  }
  const n = BARS - 1;
  return { sharpe: (sum / n / Math.sqrt((sumSquares - (sum * sum) / n) / (n - 1))) * Math.sqrt(8760), maxDd };
}

const metricsMs = timeMs(() => computeMetrics({ timestamps, equity, trades }, { periodsPerYear: 8760 }));
const bareMs = timeMs(bareLoop);
report('computeMetrics, 1M bars + 5k trades', 'bars/s', BARS / (metricsMs / 1000), {
  ms: Number(metricsMs.toFixed(1)),
  // peer: a bare loop computing only Sharpe and max drawdown; the ratio is how many times longer the full metric set takes
  timeVsBareSharpeMaxDdLoop: Number((metricsMs / bareMs).toFixed(2)),
});
const monthlyMs = timeMs(() => monthlyReturns(timestamps, equity));
report('monthlyReturns, 1M bars', 'bars/s', BARS / (monthlyMs / 1000), { ms: Number(monthlyMs.toFixed(1)) });

// Monte Carlo: 10k paths × 500 trades.
const tradeReturns = Float64Array.from({ length: 500 }, () => 0.002 + 0.02 * random.nextGaussian());
const PATHS = 10_000;
for (const [name, run] of [
  ['reshuffleTrades', () => reshuffleTrades(tradeReturns, { paths: PATHS, seed: 1 })],
  ['bootstrapTrades', () => bootstrapTrades(tradeReturns, { paths: PATHS, seed: 1 })],
  ['blockBootstrapReturns (stationary, L = 10)', () => blockBootstrapReturns(tradeReturns, { paths: PATHS, seed: 1, blockLength: 10 })],
]) {
  const ms = timeMs(run);
  report(`${name}, 10k paths × 500 steps`, 'paths/s', PATHS / (ms / 1000), { ms: Number(ms.toFixed(1)) });
}

// PBO: 100 trials × 1000 periods, S = 16 (12 870 combinations).
const matrix = Array.from({ length: 100 }, () => Float64Array.from({ length: 1000 }, () => 0.01 * random.nextGaussian()));
const pboMs = timeMs(() => probabilityOfBacktestOverfitting(matrix, { splits: 16 }));
report('probabilityOfBacktestOverfitting, 100 trials × 1000 periods, S = 16', 'ms', pboMs, { combinationsPerSecond: Math.round(12_870 / (pboMs / 1000)) });

console.log('');
console.log(`${'benchmark'.padEnd(72)} ${'median'.padStart(14)} unit`);
for (const r of results) console.log(`${r.name.padEnd(72)} ${r.median.toLocaleString('en-US').padStart(14)} ${r.unit}`);
