import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { BTC_1H_CSV, bitwiseMismatches } from './__fixtures__/sharedData.js';
import type { Bar } from './Bar.js';
import { BarSeries } from './BarSeries.js';
import { BarSeriesError } from './BarSeriesError.js';
import { parseBarsCsv } from './csv.js';
import { InvalidTimeframeError } from './InvalidTimeframeError.js';
import { resample } from './resample.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const t0 = Date.UTC(2024, 0, 1); // 2024-01-01 00:00 UTC

describe('resample', () => {
  // Seven 1m bars, 00:00..00:06, into 5m buckets [00:00, 00:05) and [00:05, 00:10).
  const minutes = BarSeries.fromRows([
    { timestamp: t0 + 0 * MINUTE, open: 10, high: 12, low: 9, close: 11, volume: 1 },
    { timestamp: t0 + 1 * MINUTE, open: 11, high: 15, low: 10, close: 14, volume: 2 },
    { timestamp: t0 + 2 * MINUTE, open: 14, high: 14, low: 8, close: 9, volume: 3 },
    { timestamp: t0 + 3 * MINUTE, open: 9, high: 10, low: 9, close: 10, volume: 4 },
    { timestamp: t0 + 4 * MINUTE, open: 10, high: 13, low: 10, close: 12, volume: 5 },
    { timestamp: t0 + 5 * MINUTE, open: 12, high: 16, low: 11, close: 15, volume: 6 },
    { timestamp: t0 + 6 * MINUTE, open: 15, high: 15, low: 7, close: 8, volume: 7 },
  ]);

  it('aggregates a hand-worked 1m → 5m example', () => {
    expect(resample(minutes, '5m').toRows()).toEqual([
      // open of 00:00 = 10; high = max(12, 15, 14, 10, 13) = 15; low = min(9, 10, 8, 9, 10) = 8;
      // close of 00:04 = 12; volume = 1 + 2 + 3 + 4 + 5 = 15
      { timestamp: t0, open: 10, high: 15, low: 8, close: 12, volume: 15 },
      // 00:05 and 00:06: open 12, high max(16, 15) = 16, low min(11, 7) = 7, close 8, volume 6 + 7 = 13
      { timestamp: t0 + 5 * MINUTE, open: 12, high: 16, low: 7, close: 8, volume: 13 },
    ]);
  });

  it('drops the still-forming last bucket only with dropIncomplete', () => {
    expect(resample(minutes, '5m', { dropIncomplete: true }).length).toBe(1);
    // 00:00..00:09 fill both buckets, so nothing is dropped.
    const full = BarSeries.fromRows([...minutes.toRows(), ...[7, 8, 9].map((m) => ({ ...minutes.at(0), timestamp: t0 + m * MINUTE }))]);
    expect(resample(full, '5m', { dropIncomplete: true }).length).toBe(2);
  });

  it('aligns buckets to UTC epoch multiples: a series starting at 16:00 makes a first 1d bar at 00:00', () => {
    const start = t0 + 16 * HOUR;
    const hours = BarSeries.fromRows(
      Array.from({ length: 8 + 24 + 3 }, (_, i): Bar => ({ timestamp: start + i * HOUR, open: i, high: i + 1, low: i - 1, close: i + 0.5, volume: 1 })),
    );
    const days = resample(hours, '1d');
    expect(Array.from(days.timestamp)).toEqual([t0, t0 + DAY, t0 + 2 * DAY]);
    // Day 1 holds 16:00..23:00 (i = 0..7), day 2 i = 8..31, day 3 i = 32..34.
    expect(days.toRows()).toEqual([
      { timestamp: t0, open: 0, high: 8, low: -1, close: 7.5, volume: 8 },
      { timestamp: t0 + DAY, open: 8, high: 32, low: 7, close: 31.5, volume: 24 },
      { timestamp: t0 + 2 * DAY, open: 32, high: 35, low: 31, close: 34.5, volume: 3 },
    ]);
    expect(resample(hours, '1d', { dropIncomplete: true }).length).toBe(2);
    expect(Array.from(resample(hours, '4h').timestamp.slice(0, 3))).toEqual([t0 + 16 * HOUR, t0 + 20 * HOUR, t0 + DAY]);
  });

  it.each([
    ['finer than the source', '30s'],
    ['not a multiple of the source', '90s'],
  ])('rejects a target %s', (_label, timeframe) => {
    expect(() => resample(minutes, timeframe)).toThrow(InvalidTimeframeError);
    expect(() => resample(minutes, timeframe)).toThrow('expected a whole multiple of the source timeframe (60000 ms)');
  });

  it('uses options.sourceTimeframe instead of inferring it', () => {
    expect(() => resample(minutes, '5m', { sourceTimeframe: '10m' })).toThrow(InvalidTimeframeError);
    const one = minutes.slice(0, 1);
    expect(() => resample(one, '5m', { dropIncomplete: true })).toThrow('Invalid "options.sourceTimeframe"');
    expect(resample(one, '5m', { dropIncomplete: true, sourceTimeframe: '1m' }).length).toBe(0);
    expect(resample(one, '5m').length).toBe(1);
  });

  it('rejects timestamps that are not strictly increasing', () => {
    const disorder = BarSeries.fromRows([minutes.at(1), minutes.at(0)]);
    expect(() => resample(disorder, '5m')).toThrow(BarSeriesError);
  });

  it('returns an empty series for an empty one', () => {
    expect(resample(new BarSeries(), '1h').length).toBe(0);
  });
});

// An independent recomputation: group rows with a Map by day/4h number, no shared code path.
function groupByPlainLoop(rows: readonly Bar[], ms: number): Bar[] {
  const groups = new Map<number, Bar[]>();
  for (const row of rows) {
    const key = row.timestamp - (row.timestamp % ms);
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  return [...groups].map(([timestamp, group]) => {
    let high = -Infinity;
    let low = Infinity;
    let volume = 0;
    for (const bar of group) {
      if (bar.high > high) high = bar.high;
      if (bar.low < low) low = bar.low;
      volume += bar.volume;
    }
    return { timestamp, open: group[0]?.open ?? NaN, high, low, close: group[group.length - 1]?.close ?? NaN, volume };
  });
}

describe('resample on the BTC/USDT 1h file', () => {
  const hourly = parseBarsCsv(readFileSync(BTC_1H_CSV, 'utf8'));
  const rows = hourly.toRows();

  it.each([
    ['4h', 4 * HOUR],
    ['1d', DAY],
  ])('1h → %s matches a plain-loop recomputation', (timeframe, ms) => {
    const expected = groupByPlainLoop(rows, ms);
    const actual = resample(hourly, timeframe);
    expect(actual.length).toBe(expected.length);
    for (const name of ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const) {
      expect([name, bitwiseMismatches(actual.column(name), expected.map((bar) => bar[name]))]).toEqual([name, []]);
    }
  });

  it('1h → 4h → 1d gives the 1h → 1d prices and the same day count', () => {
    const daily = resample(hourly, '1d');
    const viaFourHours = resample(resample(hourly, '4h'), '1d');
    // The first day starts at 16:00 (README: first bar 2018-02-09 16:00 UTC); 2018-02-09 .. 2025-03-31 is 2608 days.
    expect(daily.length).toBe(2608);
    expect(daily.timestamp[0]).toBe(Date.UTC(2018, 1, 9));
    for (const name of ['timestamp', 'open', 'high', 'low', 'close'] as const) {
      expect([name, bitwiseMismatches(viaFourHours.column(name), daily.column(name))]).toEqual([name, []]);
    }
    // Volume sums in a different grouping, so it may differ in the last bits only.
    viaFourHours.volume.forEach((v, i) => {
      expect(Math.abs(v - (daily.volume[i] as number))).toBeLessThanOrEqual(1e-9 * (daily.volume[i] as number));
    });
  });
});
