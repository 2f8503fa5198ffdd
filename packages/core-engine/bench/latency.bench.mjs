// processTick latency in rule mode (JSON lines), each tick timed on its own. Data: Binance BTC/USDT 1h
// (../../shared/data) repeated end to end (benchFixtures.mjs).
import { emit, engine, median, repeated, SYMBOL } from './benchFixtures.mjs';

// Engines run one after another in one process, as in an optimization or a restart: the first ones are
// JIT warm-up (the order path, 4 % of ticks, is optimized late, and again once a second engine exists),
// reported apart; the medians are over the engines after them.
const WARMUP = 2;
const REPETITIONS = 5;
// Node's global `performance` is an accessor (a getter call per read): read it once.
const stopwatch = performance;

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
  const warmupP99s = [];
  for (let rep = 0; rep < WARMUP + REPETITIONS; rep++) {
    const e = engine(false);
    e.syncPortfolio({ cash: 100_000 });
    const ns = new Float64Array(n);
    const placed = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const bar = bars[i];
      const t0 = stopwatch.now();
      const result = e.processTick(bar);
      ns[i] = (stopwatch.now() - t0) * 1e6;
      // Fill intents at once so the position (and the risk checks that depend on it) moves as in trading.
      const intent = result.intent;
      placed[i] = intent === null ? 0 : 1;
      if (intent !== null) e.onFill({ orderId: '', clientOrderId: intent.clientOrderId, symbol: SYMBOL, side: intent.side, quantity: intent.quantity, price: bar.close, fee: 0, feeCurrency: 'USDT', liquidity: 'taker', timestamp: bar.timestamp });
    }
    // The first 10 % of each engine's ticks is its warm-up.
    const from = Math.floor(n / 10);
    const kept = ns.slice(from).sort();
    if (rep < WARMUP) {
      warmupP99s.push(kept[Math.floor(kept.length * 0.99)]);
      continue;
    }
    p50s.push(kept[Math.floor(kept.length * 0.5)]);
    p99s.push(kept[Math.floor(kept.length * 0.99)]);
    // Ticks that place an order (risk sizing, the intent object, its id string) vs. the others.
    const quiet = ns.slice(from).filter((_, k) => placed[from + k] === 0).sort();
    const ordering = ns.slice(from).filter((_, k) => placed[from + k] === 1).sort();
    quietP99s.push(quiet[Math.floor(quiet.length * 0.99)]);
    orderP50s.push(ordering[Math.floor(ordering.length * 0.5)]);
    orderShare.push(ordering.length / (n - from));
  }
  // The engine's own histogram with per-stage timing on, after the engines above (mixing the two settings
  // in one process would give the hot path both kinds of feedback).
  for (let rep = 0; rep < REPETITIONS; rep++) {
    const timed = engine(true);
    timed.syncPortfolio({ cash: 100_000 });
    for (let i = 0; i < n; i++) timed.processTick(bars[i]);
    ownP50.push(timed.status().latencyNs.p50);
  }
  const p50 = median(p50s);
  emit({ name: 'engine.processTick.rule', unit: 'ns', median: p50, p99: median(p99s), p99OverP50: median(p99s) / p50, p99WithoutOrders: median(quietP99s), p50OrderTicks: median(orderP50s), orderTickShare: median(orderShare), warmupP99: warmupP99s, ticks: n, repetitions: REPETITIONS, note: 'performance.now() around each call, its own cost (~30-50 ns) included; measureStages off' });
  emit({ name: 'engine.processTick.rule.measureStages', unit: 'ns', median: median(ownP50), ticks: n, repetitions: REPETITIONS, note: "engine's own latency histogram with per-stage timing on" });
}

