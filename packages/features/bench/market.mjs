// Market-data benchmarks: CSV parse/format, per-bar validation, series validation, resampling,
// danfojs conversion. Prints one JSON object per line; bench/run.mjs adds the table.
// Run `pnpm build` first: this imports the built package.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatBarsCsv, OutlierFilter, parseBarsCsv, resample, validateBar, validateSeries } from '../dist/index.js';

const csvPath = fileURLToPath(new URL('../../../../shared/data/btcusdt_binance_spot_1h.csv', import.meta.url));
const text = readFileSync(csvPath, 'utf8');
const REPETITIONS = 15;

/** Median wall time in ms of `fn` over REPETITIONS runs, after 3 warm-up runs. */
function medianMs(fn) {
  let sink = 0;
  for (let i = 0; i < 3; i++) sink += fn() ? 1 : 0;
  const times = [];
  for (let i = 0; i < REPETITIONS; i++) {
    const start = process.hrtime.bigint();
    sink += fn() ? 1 : 0;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  if (sink < 0) console.error(sink);
  return times[times.length >> 1];
}

function emit(record) {
  console.log(JSON.stringify({ group: 'market', repetitions: REPETITIONS, ...record }));
}

const series = parseBarsCsv(text);
const n = series.length;

// Peer for parsing: the obvious split-and-Number() loop into the same Float64Array columns.
function naiveParse() {
  const lines = text.split('\n');
  const columns = Array.from({ length: 6 }, () => new Float64Array(lines.length));
  let rows = 0;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const fields = lines[i].split(',');
    for (let c = 0; c < 6; c++) columns[c][rows] = Number(fields[c]);
    rows++;
  }
  return rows;
}

const parseMs = medianMs(() => parseBarsCsv(text).length);
const naiveMs = medianMs(naiveParse);
emit({ name: 'csv.parse', unit: 'bars/s', median: n / (parseMs / 1000), medianMs: parseMs, bars: n, peer: 'split+Number', peerMedian: n / (naiveMs / 1000), ratio: naiveMs / parseMs });

const formatMs = medianMs(() => formatBarsCsv(series).length);
emit({ name: 'csv.format', unit: 'bars/s', median: n / (formatMs / 1000), medianMs: formatMs, bars: n });

// validateBar as the engine calls it: one bar object per tick against the previous one.
const rows = series.toRows();
const options = { timeframeMs: 3_600_000 };
const validateMs = medianMs(() => {
  let issues = 0;
  for (let i = 1; i < rows.length; i++) if (validateBar(rows[i], rows[i - 1], options) !== null) issues++;
  return issues;
});
emit({ name: 'validateBar', unit: 'ns/bar', median: (validateMs * 1e6) / (n - 1), bars: n - 1 });

const closes = series.close;
const filterMs = medianMs(() => {
  const filter = new OutlierFilter({ window: 100, threshold: 10 });
  let flags = 0;
  for (let i = 0; i < closes.length; i++) if (filter.update(closes[i]) !== null) flags++;
  return flags;
});
emit({ name: 'OutlierFilter.update', unit: 'ns/bar', median: (filterMs * 1e6) / n, bars: n, window: 100 });

const seriesMs = medianMs(() => validateSeries(series).report.entries.length);
emit({ name: 'validateSeries.default', unit: 'bars/s', median: n / (seriesMs / 1000), medianMs: seriesMs, bars: n });
const outlierMs = medianMs(() => validateSeries(series, { outlier: 'report' }).report.entries.length);
emit({ name: 'validateSeries.outlier', unit: 'bars/s', median: n / (outlierMs / 1000), medianMs: outlierMs, bars: n });

for (const timeframe of ['4h', '1d']) {
  const ms = medianMs(() => resample(series, timeframe).length);
  emit({ name: `resample.1h-${timeframe}`, unit: 'bars/s', median: n / (ms / 1000), medianMs: ms, bars: n });
}

const { barSeriesToDataFrame, dataFrameToBarSeries } = await import('../dist/interop/danfo.js');
const toFrameMs = medianMs(() => barSeriesToDataFrame(series).shape[0]);
const frame = barSeriesToDataFrame(series);
const fromFrameMs = medianMs(() => dataFrameToBarSeries(frame).length);
emit({ name: 'danfo.barSeriesToDataFrame', unit: 'ms', median: toFrameMs, bars: n });
emit({ name: 'danfo.dataFrameToBarSeries', unit: 'ms', median: fromFrameMs, bars: n });
