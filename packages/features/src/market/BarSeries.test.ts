import { describe, expect, it } from '@jest/globals';
import type { Bar } from './Bar.js';
import { BarSeries } from './BarSeries.js';
import { BarSeriesError } from './BarSeriesError.js';

const bar = (timestamp: number, close = 100 + timestamp / 1000): Bar => ({
  timestamp,
  open: close - 1,
  high: close + 2,
  low: close - 3,
  close,
  volume: timestamp / 100,
});

const rows = [bar(0), bar(60_000), bar(120_000), bar(180_000)];

describe('BarSeries', () => {
  it('keeps rows from fromRows in columns and gives them back with toRows and at', () => {
    const series = BarSeries.fromRows(rows);
    expect(series.length).toBe(4);
    expect(Array.from(series.timestamp)).toEqual([0, 60_000, 120_000, 180_000]);
    expect(Array.from(series.close)).toEqual([100, 160, 220, 280]);
    expect(Array.from(series.low)).toEqual([97, 157, 217, 277]);
    expect(series.toRows()).toEqual(rows);
    expect(series.at(1)).toEqual(rows[1]);
    expect(series.at(-1)).toEqual(rows[3]);
  });

  it('builds the same series from columns (plain arrays or Float64Array)', () => {
    const series = BarSeries.fromColumns({
      timestamp: rows.map((r) => r.timestamp),
      open: Float64Array.from(rows, (r) => r.open),
      high: rows.map((r) => r.high),
      low: rows.map((r) => r.low),
      close: rows.map((r) => r.close),
      volume: rows.map((r) => r.volume),
    });
    expect(series.toRows()).toEqual(rows);
  });

  it('copies the input columns, so later writes to them do not change the series', () => {
    const close = new Float64Array([1, 2]);
    const series = BarSeries.fromColumns({ timestamp: [1, 2], open: [1, 2], high: [1, 2], low: [1, 2], close, volume: [0, 0] });
    close[0] = 99;
    expect(series.close[0]).toBe(1);
  });

  it('rejects columns of different lengths, naming the column', () => {
    const build = () =>
      BarSeries.fromColumns({ timestamp: [1, 2], open: [1, 2], high: [1, 2], low: [1, 2], close: [1], volume: [0, 0] });
    expect(build).toThrow('Invalid "columns.close": expected 2 values (the length of "columns.timestamp"), received 1.');
    expect(build).toThrow(expect.objectContaining({ name: 'BarSeriesError', argument: 'columns.close' }));
  });

  it('returns column views of exactly length elements that share the storage (no copy)', () => {
    const series = new BarSeries(64);
    series.append(bar(0));
    series.append(bar(1000));
    const close = series.close;
    expect(close.length).toBe(2);
    expect(close.buffer.byteLength).toBe(64 * 8);
    close[0] = 42;
    expect(series.at(0).close).toBe(42);
  });

  it.each(['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const)('column("%s") equals its getter', (name) => {
    const series = BarSeries.fromRows(rows);
    expect(series.column(name)).toEqual(series[name]);
  });

  it('grows by doubling while appending and keeps every bar', () => {
    const series = new BarSeries(0);
    const capacities = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      series.append(bar(i * 1000));
      capacities.add(series.close.buffer.byteLength / 8);
    }
    expect(series.length).toBe(1000);
    expect([...capacities]).toEqual([16, 32, 64, 128, 256, 512, 1024]);
    expect(series.at(999)).toEqual(bar(999_000));
    expect(series.at(0)).toEqual(bar(0));
  });

  it.each([
    ['an equal timestamp', 60_000],
    ['an earlier timestamp', 0],
    ['NaN', Number.NaN],
  ])('rejects appending a bar with %s', (_label, timestamp) => {
    const series = BarSeries.fromRows(rows.slice(0, 2));
    expect(() => series.append(bar(timestamp))).toThrow(BarSeriesError);
    expect(series.length).toBe(2);
  });

  it('rejects an infinite timestamp on an empty series', () => {
    expect(() => new BarSeries().append(bar(Number.POSITIVE_INFINITY))).toThrow(
      /Invalid "bar.timestamp": expected a finite epoch-ms time/,
    );
  });

  it.each([[4], [-5], [1.5]])('rejects at(%p) outside the series', (index) => {
    expect(() => BarSeries.fromRows(rows).at(index)).toThrow('Invalid "index": expected an integer in [-4, 3]');
  });

  it('slices as a view sharing the buffers, with Array.slice bounds', () => {
    const series = BarSeries.fromRows(rows);
    const middle = series.slice(1, 3);
    expect(middle.toRows()).toEqual(rows.slice(1, 3));
    expect(middle.close.buffer).toBe(series.close.buffer);
    expect(series.slice(-2).toRows()).toEqual(rows.slice(-2));
    expect(series.slice(3, 1).length).toBe(0);
    expect(series.slice(0, 99).length).toBe(4);
  });

  it('detaches a slice when it is appended to, so the parent is never overwritten', () => {
    const series = BarSeries.fromRows(rows);
    const head = series.slice(0, 2);
    head.append(bar(90_000));
    expect(head.toRows()).toEqual([rows[0], rows[1], bar(90_000)]);
    expect(series.toRows()).toEqual(rows);
  });
});
