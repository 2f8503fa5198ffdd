// Indicator benchmarks: throughput of each indicator shared with trading-signals and technicalindicators
// on the same 1M-value seeded series, streaming and batch, plus the compiled default feature spec.
// Prints one JSON object per line (bench/run.mjs adds the table). Run `pnpm build` first.
import * as ti from 'technicalindicators';
import * as ts from 'trading-signals';
import * as ares from '../dist/index.js';

const N = 1_000_000;
const REPETITIONS = 7;
const PEER_REPETITIONS = 7;

/** mulberry32: the seeded PRNG of the tests. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A seeded random walk with OHLCV columns.
const random = mulberry32(42);
const close = new Float64Array(N);
const high = new Float64Array(N);
const low = new Float64Array(N);
const open = new Float64Array(N);
const volume = new Float64Array(N);
let price = 30_000;
for (let i = 0; i < N; i++) {
  open[i] = price;
  price *= Math.exp((random() - 0.5) * 0.01);
  close[i] = price;
  high[i] = Math.max(open[i], price) * (1 + 0.003 * random());
  low[i] = Math.min(open[i], price) * (1 - 0.003 * random());
  volume[i] = 10 + 100 * random();
}
const columns = { open, high, low, close, volume };
const closeArray = Array.from(close);
const highArray = Array.from(high);
const lowArray = Array.from(low);
const volumeArray = Array.from(volume);
// Bar objects for the bar-input streaming forms, built only after the price-only cases: a million live
// objects make every later full GC slower, which would penalize whatever allocates after them.
let bars = [];

let sink = 0;
/** Wall time (ms) of one call. */
function time(fn) {
  const start = process.hrtime.bigint();
  sink += fn() ?? 0;
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (times) => times.sort((a, b) => a - b)[times.length >> 1];

/** Median wall time (ms) of `fn` over `repetitions` runs after one warm-up run. */
function medianMs(fn, repetitions = REPETITIONS) {
  time(fn);
  return median(Array.from({ length: repetitions }, () => time(fn)));
}

/**
 * Medians of `ours` and `peer` measured in alternation (ours, peer, ours, peer, ...): on a machine shared
 * with other jobs, load spikes then hit both sides of a ratio alike.
 */
function medianPairMs(ours, peer, repetitions = PEER_REPETITIONS) {
  time(ours);
  time(peer);
  const a = [];
  const b = [];
  for (let i = 0; i < repetitions; i++) {
    a.push(time(ours));
    b.push(time(peer));
  }
  return [median(a), median(b)];
}

const perSecond = (ms) => N / (ms / 1000);

function emit(record) {
  console.log(JSON.stringify({ group: 'indicators', values: N, ...record }));
}

/**
 * A streaming loop compiled separately for each case (new Function), so every library's `add` call site
 * stays monomorphic: one shared loop would see all classes of all libraries and measure V8's megamorphic
 * dispatch instead of the indicators. The same treatment for every library.
 */
function streamNumbers(create, inputs) {
  const loop = new Function(
    'create',
    'inputs',
    'const indicator = create(); let last = 0; for (let i = 0; i < inputs.length; i++) last = indicator.add(inputs[i]); return typeof last === "number" ? last : 1;',
  );
  return () => loop(create, inputs);
}

function streamTi(create, inputs) {
  const loop = new Function(
    'create',
    'inputs',
    'const indicator = create(); let last = 0; for (let i = 0; i < inputs.length; i++) last = indicator.nextValue(inputs[i]); return typeof last === "number" ? last : 1;',
  );
  return () => loop(create, inputs);
}

/**
 * One row per indicator: ours streaming and batch; trading-signals streaming (v8 has no separate
 * Faster* classes: its number-based classes are its fastest); technicalindicators batch (calculate)
 * and streaming (nextValue).
 */
function compare({ name, oursStreaming, oursBatch, tsStreaming, tiBatch, tiStreaming }) {
  const rows = [];
  if (tsStreaming) rows.push(['streaming', ...medianPairMs(oursStreaming, tsStreaming), 'trading-signals']);
  if (tiStreaming) rows.push(['streaming', ...medianPairMs(oursStreaming, tiStreaming), 'technicalindicators.nextValue']);
  if (!tsStreaming && !tiStreaming) rows.push(['streaming', medianMs(oursStreaming)]);
  if (tiBatch) rows.push(['batch', ...medianPairMs(oursBatch, tiBatch), 'technicalindicators.calculate']);
  else rows.push(['batch', medianMs(oursBatch)]);
  for (const [form, ms, peerMs, peer] of rows) {
    emit({
      name: `${name} ${form}`,
      unit: 'values/s',
      median: perSecond(ms),
      medianMs: ms,
      ...(peer ? { peer, peerMedian: perSecond(peerMs), ratio: peerMs / ms } : {}),
    });
  }
}

const hlc = { high: highArray, low: lowArray, close: closeArray };
const priceCases = [
  {
    name: 'SMA(20)',
    oursStreaming: streamNumbers(() => new ares.SMA(20), close),
    oursBatch: () => ares.SMA.fromBatch(close, 20)[N - 1],
    tsStreaming: streamNumbers(() => new ts.SMA(20), close),
    tiBatch: () => ti.SMA.calculate({ period: 20, values: closeArray }).length,
    tiStreaming: streamTi(() => new ti.SMA({ period: 20, values: [] }), close),
  },
  {
    name: 'EMA(20)',
    oursStreaming: streamNumbers(() => new ares.EMA(20), close),
    oursBatch: () => ares.EMA.fromBatch(close, 20)[N - 1],
    tsStreaming: streamNumbers(() => new ts.EMA(20), close),
    tiBatch: () => ti.EMA.calculate({ period: 20, values: closeArray }).length,
    tiStreaming: streamTi(() => new ti.EMA({ period: 20, values: [] }), close),
  },
  {
    name: 'WMA(20)',
    oursStreaming: streamNumbers(() => new ares.WMA(20), close),
    oursBatch: () => ares.WMA.fromBatch(close, 20)[N - 1],
    tsStreaming: streamNumbers(() => new ts.WMA(20), close),
    tiBatch: () => ti.WMA.calculate({ period: 20, values: closeArray }).length,
    tiStreaming: streamTi(() => new ti.WMA({ period: 20, values: [] }), close),
  },
  {
    name: 'WilderSmoothing(14)',
    oursStreaming: streamNumbers(() => new ares.WilderSmoothing(14), close),
    oursBatch: () => ares.WilderSmoothing.fromBatch(close, 14)[N - 1],
    tsStreaming: streamNumbers(() => new ts.WSMA(14), close),
    tiBatch: () => ti.WEMA.calculate({ period: 14, values: closeArray }).length,
    tiStreaming: streamTi(() => new ti.WEMA({ period: 14, values: [] }), close),
  },
  {
    name: 'DEMA(20)',
    oursStreaming: streamNumbers(() => new ares.DEMA(20), close),
    oursBatch: () => ares.DEMA.fromBatch(close, 20)[N - 1],
    tsStreaming: streamNumbers(() => new ts.DEMA(20), close),
  },
  {
    name: 'TEMA(20)',
    oursStreaming: streamNumbers(() => new ares.TEMA(20), close),
    oursBatch: () => ares.TEMA.fromBatch(close, 20)[N - 1],
    tsStreaming: streamNumbers(() => new ts.TEMA(20), close),
  },
  {
    name: 'RSI(14)',
    oursStreaming: streamNumbers(() => new ares.RSI(14), close),
    oursBatch: () => ares.RSI.fromBatch(close, 14)[N - 1],
    tsStreaming: streamNumbers(() => new ts.RSI(14), close),
    tiBatch: () => ti.RSI.calculate({ period: 14, values: closeArray }).length,
    tiStreaming: streamTi(() => new ti.RSI({ period: 14, values: [] }), close),
  },
  {
    name: 'MACD(12,26,9)',
    oursStreaming: streamNumbers(() => new ares.MACD(), close),
    oursBatch: () => ares.MACD.fromBatch(close).histogram[N - 1],
    tsStreaming: streamNumbers(() => new ts.MACD(new ts.EMA(12), new ts.EMA(26), new ts.EMA(9)), close),
    tiBatch: () =>
      ti.MACD.calculate({ values: closeArray, fastPeriod: 12, slowPeriod: 26, signalPeriod: 9, SimpleMAOscillator: false, SimpleMASignal: false }).length,
    tiStreaming: streamTi(
      () => new ti.MACD({ values: [], fastPeriod: 12, slowPeriod: 26, signalPeriod: 9, SimpleMAOscillator: false, SimpleMASignal: false }),
      close,
    ),
  },
  {
    name: 'BollingerBands(20,2)',
    oursStreaming: streamNumbers(() => new ares.BollingerBands(), close),
    oursBatch: () => ares.BollingerBands.fromBatch(close).upper[N - 1],
    tsStreaming: streamNumbers(() => new ts.BollingerBands(20, 2), close),
    tiBatch: () => ti.BollingerBands.calculate({ period: 20, stdDev: 2, values: closeArray }).length,
    tiStreaming: streamTi(() => new ti.BollingerBands({ period: 20, stdDev: 2, values: [] }), close),
  },
  {
    name: 'Momentum(10)',
    oursStreaming: streamNumbers(() => new ares.Momentum(10), close),
    oursBatch: () => ares.Momentum.fromBatch(close, 10)[N - 1],
    tsStreaming: streamNumbers(() => new ts.MOM(10), close),
  },
  {
    name: 'RateOfChange(10)',
    oursStreaming: streamNumbers(() => new ares.RateOfChange(10), close),
    oursBatch: () => ares.RateOfChange.fromBatch(close, 10)[N - 1],
    tsStreaming: streamNumbers(() => new ts.ROC(10), close),
    tiBatch: () => ti.ROC.calculate({ period: 10, values: closeArray }).length,
    tiStreaming: streamTi(() => new ti.ROC({ period: 10, values: [] }), close),
  },
];

const barCases = () => [
  {
    name: 'TrueRange',
    oursStreaming: streamNumbers(() => new ares.TrueRange(), bars),
    oursBatch: () => ares.TrueRange.fromBatch(columns)[N - 1],
    tsStreaming: streamNumbers(() => new ts.TR(), bars),
    tiBatch: () => ti.TrueRange.calculate(hlc).length,
  },
  {
    name: 'ATR(14)',
    oursStreaming: streamNumbers(() => new ares.ATR(14), bars),
    oursBatch: () => ares.ATR.fromBatch(columns, 14)[N - 1],
    tsStreaming: streamNumbers(() => new ts.ATR(14), bars),
    tiBatch: () => ti.ATR.calculate({ period: 14, ...hlc }).length,
  },
  {
    name: 'Stochastic(14,3,3)',
    oursStreaming: streamNumbers(() => new ares.Stochastic(), bars),
    oursBatch: () => ares.Stochastic.fromBatch(columns).k[N - 1],
    tsStreaming: streamNumbers(() => new ts.StochasticOscillator({ kPeriod: 14, kSlowingPeriod: 3, dPeriod: 3 }), bars),
    tiBatch: () => ti.Stochastic.calculate({ period: 14, signalPeriod: 3, ...hlc }).length,
  },
  {
    name: 'WilliamsR(14)',
    oursStreaming: streamNumbers(() => new ares.WilliamsR(14), bars),
    oursBatch: () => ares.WilliamsR.fromBatch(columns, 14)[N - 1],
    tsStreaming: streamNumbers(() => new ts.WilliamsR(14), bars),
    tiBatch: () => ti.WilliamsR.calculate({ period: 14, ...hlc }).length,
  },
  {
    name: 'CCI(20)',
    oursStreaming: streamNumbers(() => new ares.CCI(20), bars),
    oursBatch: () => ares.CCI.fromBatch(columns, 20)[N - 1],
    tsStreaming: streamNumbers(() => new ts.CCI(20), bars),
    tiBatch: () => ti.CCI.calculate({ period: 20, ...hlc }).length,
  },
  {
    name: 'OBV',
    oursStreaming: streamNumbers(() => new ares.OBV(), bars),
    oursBatch: () => ares.OBV.fromBatch(columns)[N - 1],
    tsStreaming: streamNumbers(() => new ts.OBV(2), bars),
    tiBatch: () => ti.OBV.calculate({ close: closeArray, volume: volumeArray }).length,
  },
];

const only = process.env.BENCH_ONLY;
for (const c of priceCases) if (!only || c.name.startsWith(only)) compare(c);
bars = Array.from({ length: N }, (_, i) => ({ open: open[i], high: high[i], low: low[i], close: close[i], volume: volume[i] }));
for (const c of barCases()) if (!only || c.name.startsWith(only)) compare(c);

// The compiled default feature spec, streaming (ns per bar) and batch.
const vector = ares.compileStreaming(ares.DEFAULT_FEATURE_SPEC);
const specStream = medianMs(() => {
  vector.reset();
  for (let i = 0; i < N; i++) vector.update(bars[i]);
  return vector.values[0];
});
const specBatch = medianMs(() => ares.compileBatch(ares.DEFAULT_FEATURE_SPEC)(columns).rows);
emit({ name: `default spec (${vector.columns.length} features) streaming`, unit: 'ns/bar', median: (specStream * 1e6) / N, medianMs: specStream });
emit({ name: `default spec (${vector.columns.length} features) batch`, unit: 'ns/bar', median: (specBatch * 1e6) / N, medianMs: specBatch });
if (sink === 42) console.error('');
