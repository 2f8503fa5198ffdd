// TradingEngine benchmarks (JSON lines): processTick latency in rule mode, and backtest throughput.
// Data: Binance BTC/USDT 1h (../../shared/data), repeated end to end (timestamps shifted, prices
// rescaled to join) to reach >= 1M bars.
import { readFileSync } from 'node:fs';
import { SimulatedExchange } from '@ares/connectors';
import { BarSeries, parseBarsCsv } from '@ares/features';
import { createRiskEngine } from '@ares/risk';
import { runBacktest, SmaCrossoverStrategy, TradingEngine } from '../dist/index.js';

const SYMBOL = 'BTC/USDT';
const HOUR = 3_600_000;
const REPETITIONS = 5;

const base = parseBarsCsv(readFileSync(new URL('../../../../shared/data/btcusdt_binance_spot_1h.csv', import.meta.url), 'utf8'));

/** `base` repeated until it has at least `min` bars, each copy continuing in time and price. */
function repeated(min) {
  const n = base.length;
  const copies = Math.ceil(min / n);
  const columns = { timestamp: new Float64Array(n * copies), open: new Float64Array(n * copies), high: new Float64Array(n * copies), low: new Float64Array(n * copies), close: new Float64Array(n * copies), volume: new Float64Array(n * copies) };
  const span = base.timestamp[n - 1] - base.timestamp[0] + HOUR;
  let scale = 1;
  for (let c = 0; c < copies; c++) {
    for (let i = 0; i < n; i++) {
      const j = c * n + i;
      columns.timestamp[j] = base.timestamp[i] + c * span;
      columns.open[j] = base.open[i] * scale;
      columns.high[j] = base.high[i] * scale;
      columns.low[j] = base.low[i] * scale;
      columns.close[j] = base.close[i] * scale;
      columns.volume[j] = base.volume[i];
    }
    scale *= base.close[n - 1] / base.open[0];
  }
  return BarSeries.fromColumns(columns);
}

const RISK = {
  limits: { maxDrawdown: 0.99, maxDailyLoss: 0.99 },
  sizing: { method: 'fixed-fraction', fraction: 0.1 },
  market: { quantityStep: 0.00001, priceTick: 0.01 },
  stops: { stopLoss: { type: 'percent', fraction: 0.02 }, takeProfit: { type: 'percent', fraction: 0.04 } },
};

function engine(measureStages) {
  return new TradingEngine({ symbol: SYMBOL, timeframe: '1h', measureStages }, { signal: new SmaCrossoverStrategy({ fast: 10, slow: 30 }), risk: createRiskEngine(RISK) });
}

function exchange() {
  return new SimulatedExchange({
    markets: [{ symbol: SYMBOL, base: 'BTC', quote: 'USDT', quantityStep: 0.00001, tickSize: 0.01, makerFee: 0.001, takerFee: 0.001 }],
    initialBalances: { USDT: 100_000 },
    slippage: { kind: 'fixed-bps', bps: 2 },
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const emit = (record) => console.log(JSON.stringify(record));

// --- processTick latency, rule mode (SMA 10/30 crossover + risk engine), each tick timed on its own ---
{
  const series = repeated(120_000);
  const bars = series.toRows();
  const n = series.length;
  const p50s = [];
  const p99s = [];
  const ownP50 = [];
  const quietP99s = [];
  const orderP50s = [];
  const orderShare = [];
  for (let rep = 0; rep < REPETITIONS; rep++) {
    const e = engine(false);
    e.syncPortfolio({ cash: 100_000 });
    const ns = new Float64Array(n);
    const placed = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const bar = bars[i];
      const t0 = performance.now();
      const result = e.processTick(bar);
      ns[i] = (performance.now() - t0) * 1e6;
      // Fill intents at once so the position (and the risk checks that depend on it) moves as in trading.
      const intent = result.intent;
      placed[i] = intent === null ? 0 : 1;
      if (intent !== null) e.onFill({ orderId: '', clientOrderId: intent.clientOrderId, symbol: SYMBOL, side: intent.side, quantity: intent.quantity, price: bar.close, fee: 0, feeCurrency: 'USDT', liquidity: 'taker', timestamp: bar.timestamp });
    }
    // The first 10 % is JIT warm-up.
    const from = Math.floor(n / 10);
    const kept = ns.slice(from).sort();
    p50s.push(kept[Math.floor(kept.length * 0.5)]);
    p99s.push(kept[Math.floor(kept.length * 0.99)]);
    // Ticks that place an order (risk sizing, the intent object, its id string) vs. the others.
    const quiet = ns.slice(from).filter((_, k) => placed[from + k] === 0).sort();
    const ordering = ns.slice(from).filter((_, k) => placed[from + k] === 1).sort();
    quietP99s.push(quiet[Math.floor(quiet.length * 0.99)]);
    orderP50s.push(ordering[Math.floor(ordering.length * 0.5)]);
    orderShare.push(ordering.length / (n - from));
    // The engine's own histogram with per-stage timing on.
    const timed = engine(true);
    timed.syncPortfolio({ cash: 100_000 });
    for (let i = 0; i < n; i++) timed.processTick(bars[i]);
    ownP50.push(timed.status().latencyNs.p50);
  }
  const p50 = median(p50s);
  emit({ name: 'engine.processTick.rule', unit: 'ns', median: p50, p99: median(p99s), p99OverP50: median(p99s) / p50, p99WithoutOrders: median(quietP99s), p50OrderTicks: median(orderP50s), orderTickShare: median(orderShare), ticks: n, repetitions: REPETITIONS, note: 'performance.now() around each call, its own cost (~30-60 ns) included; measureStages off' });
  emit({ name: 'engine.processTick.rule.measureStages', unit: 'ns', median: median(ownP50), ticks: n, repetitions: REPETITIONS, note: "engine's own latency histogram with per-stage timing on" });
}

// --- backtest throughput: SMA crossover with fees, slippage and SL/TP on >= 1M bars ---
{
  const series = repeated(1_000_000);
  const rates = [];
  let orders = 0;
  for (let rep = 0; rep < REPETITIONS; rep++) {
    const e = engine(true);
    const x = exchange();
    const t0 = performance.now();
    const result = runBacktest({ engine: e, series, exchange: x, symbol: SYMBOL });
    const seconds = (performance.now() - t0) / 1000;
    rates.push(series.length / seconds);
    orders = result.orders.length;
  }
  emit({ name: 'backtest.smaCrossover.btc1h', unit: 'bars/s', median: median(rates), bars: series.length, orders, repetitions: REPETITIONS });
}
