import fs from 'node:fs';
import path from 'node:path';

/** The shared data folder beside the repository (../shared/data from the workspace root). */
const DATA = path.resolve(__dirname, '../../../../../../shared/data');

/** OHLCV columns as typed arrays (the shape of a `BarSeries`, read without depending on it). */
export interface Columns {
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

/** mulberry32: a small seeded PRNG, so test series are reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded random-walk bar series with awkward stretches: flat runs (zero range, zero volume) so the
 * degenerate branches (HH = LL, σ = 0, zero-volume VWAP) are exercised too.
 */
export function randomBars(length: number, seed: number): Columns {
  const random = mulberry32(seed);
  const c: Columns = {
    open: new Float64Array(length),
    high: new Float64Array(length),
    low: new Float64Array(length),
    close: new Float64Array(length),
    volume: new Float64Array(length),
  };
  let price = 100 + 50 * random();
  for (let i = 0; i < length; i++) {
    const flat = i % 500 >= 470;
    const open = price;
    if (!flat) price *= Math.exp((random() - 0.5) * 0.04);
    const close = price;
    c.open[i] = open;
    c.close[i] = close;
    c.high[i] = flat ? close : Math.max(open, close) * (1 + 0.01 * random());
    c.low[i] = flat ? close : Math.min(open, close) * (1 - 0.01 * random());
    c.volume[i] = flat ? 0 : 1000 * random();
  }
  return c;
}

function readColumns(file: string, firstColumn: number): Columns {
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n').slice(1);
  const n = lines.length;
  const c: Columns = {
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  lines.forEach((line, i) => {
    const f = line.split(',');
    c.open[i] = Number(f[firstColumn]);
    c.high[i] = Number(f[firstColumn + 1]);
    c.low[i] = Number(f[firstColumn + 2]);
    c.close[i] = Number(f[firstColumn + 3]);
    c.volume[i] = Number(f[firstColumn + 4]);
  });
  return c;
}

let btc: Columns | undefined;
/** shared/data/btcusdt_binance_spot_1h.csv: 62,482 hourly BTC/USDT bars (Binance spot). */
export function btcHourly(): Columns {
  btc ??= readColumns(path.join(DATA, 'btcusdt_binance_spot_1h.csv'), 1);
  return btc;
}

let day2006: Columns | undefined;
/** shared/data/2006-day-001.txt: 255 daily bars, the fixture of backtrader's indicator tests. */
export function daily2006(): Columns {
  day2006 ??= readColumns(path.join(DATA, '2006-day-001.txt'), 1);
  return day2006;
}

/** Index of the first element where `a` and `b` differ (NaN equals NaN), or −1. */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>, relativeTolerance = 0): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y))) continue;
    if (relativeTolerance > 0 && Math.abs(x - y) <= relativeTolerance * Math.max(Math.abs(x), Math.abs(y))) continue;
    return i;
  }
  return -1;
}
