// Simulated-exchange throughput and bar-store load speed, on ~1M real BTC/USDT hourly bars (the
// shared 62,482-bar file repeated 17 times, timestamps shifted so they keep ascending).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BarSeries, formatBarsCsv, readBarsCsvFile } from '@ares/features';
import { BarStore, SimulatedExchange } from '../dist/index.js';

const CSV = '/work/shared/data/btcusdt_binance_spot_1h.csv';
const REPEATS = 17;
const RUNS = 5;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const time = (fn) => {
  const start = performance.now();
  fn();
  return (performance.now() - start) / 1000;
};
const timeAsync = async (fn) => {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
};

const base = await readBarsCsvFile(CSV);
const n = base.length * REPEATS;
const span = base.timestamp[base.length - 1] - base.timestamp[0] + 3_600_000;
const columns = { timestamp: new Float64Array(n), open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
for (let r = 0; r < REPEATS; r++) {
  for (const name of Object.keys(columns)) columns[name].set(base[name], r * base.length);
  for (let i = 0; i < base.length; i++) columns.timestamp[r * base.length + i] += r * span;
}
const series = BarSeries.fromColumns(columns);

const market = { symbol: 'BTC/USDT', base: 'BTC', quote: 'USDT', tickSize: 0.01, quantityStep: 0.00001, makerFee: 0.001, takerFee: 0.001 };

/** Bars per second through processBar; `withOrders`: a long position with resting SL (1000) / TP (1e6). */
function runExchange(withOrders) {
  const exchange = new SimulatedExchange({ markets: [market], initialBalances: { USDT: 1_000_000 } });
  const { timestamp, open, high, low, close, volume } = series;
  const bar = { timestamp: 0, open: 0, high: 0, low: 0, close: 0, volume: 0 };
  const set = (i) => {
    bar.timestamp = timestamp[i];
    bar.open = open[i];
    bar.high = high[i];
    bar.low = low[i];
    bar.close = close[i];
    bar.volume = volume[i];
  };
  set(0);
  exchange.processBar('BTC/USDT', bar);
  if (withOrders) exchange.submit({ clientOrderId: 'entry', symbol: 'BTC/USDT', side: 'buy', type: 'market', quantity: 1, stopLoss: 1_000, takeProfit: 1_000_000 }, bar.timestamp);
  set(1);
  exchange.processBar('BTC/USDT', bar);
  if (withOrders && exchange.openOrders().length !== 2) throw new Error('expected the SL/TP pair to rest');
  let fills = 0;
  const seconds = time(() => {
    for (let i = 2; i < n; i++) {
      set(i);
      fills += exchange.processBar('BTC/USDT', bar).length;
    }
  });
  if (fills !== 0) throw new Error('the benchmark orders must not fill');
  return (n - 2) / seconds;
}

const results = [];
const emit = (line) => {
  results.push(line);
  console.log(JSON.stringify(line));
};

runExchange(true); // warm-up
const idle = median(Array.from({ length: RUNS }, () => runExchange(false)));
const resting = median(Array.from({ length: RUNS }, () => runExchange(true)));
emit({ name: 'simulated-exchange/processBar, no orders', unit: 'bars/s', median: Math.round(idle), bars: n, runs: RUNS });
emit({ name: 'simulated-exchange/processBar, position + resting SL/TP', unit: 'bars/s', median: Math.round(resting), bars: n, runs: RUNS, ratioVsNoOrders: +(resting / idle).toFixed(3) });

const dir = mkdtempSync(join(tmpdir(), 'ares-bench-store-'));
try {
  const store = new BarStore(dir);
  const appendSeconds = time(() => store.append('BTC/USDT', '1h', series));
  const csvFile = join(dir, 'bars.csv');
  writeFileSync(csvFile, formatBarsCsv(series));
  store.read('BTC/USDT', '1h');
  const storeSeconds = median(Array.from({ length: RUNS }, () => time(() => store.read('BTC/USDT', '1h'))));
  const csvRuns = [];
  for (let r = 0; r < RUNS; r++) csvRuns.push(await timeAsync(() => readBarsCsvFile(csvFile)));
  const csvSeconds = median(csvRuns);
  emit({ name: 'bar-store/read (1M bars, checksums verified)', unit: 'bars/s', median: Math.round(n / storeSeconds), bars: n, runs: RUNS, milliseconds: +(storeSeconds * 1000).toFixed(1), ratioVsCsv: +(csvSeconds / storeSeconds).toFixed(1) });
  emit({ name: 'csv/readBarsCsvFile (same bars, peer)', unit: 'bars/s', median: Math.round(n / csvSeconds), bars: n, runs: RUNS, milliseconds: +(csvSeconds * 1000).toFixed(1) });
  emit({ name: 'bar-store/append (1M bars, new file)', unit: 'bars/s', median: Math.round(n / appendSeconds), bars: n, runs: 1, milliseconds: +(appendSeconds * 1000).toFixed(1) });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log('');
console.log(`${'benchmark'.padEnd(60)}median`);
for (const r of results) console.log(`${r.name.padEnd(60)}${(r.median / 1e6).toFixed(2)} M ${r.unit}${r.milliseconds === undefined ? '' : ` (${r.milliseconds} ms)`}`);
