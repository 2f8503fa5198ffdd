import { describe, expect, it } from '@jest/globals';
import { BarSeries } from '../market/BarSeries.js';
import { compileBatch } from './compileBatch.js';
import { DEFAULT_FEATURE_SPEC } from './defaultFeatureSpec.js';

const closes = [10, 11, 12, 15, 12];
const series = BarSeries.fromColumns({
  timestamp: closes.map((_, i) => i * 3_600_000),
  open: closes,
  high: closes,
  low: closes,
  close: closes,
  volume: [1, 2, 3, 4, 5],
});

describe('compileBatch', () => {
  it.each([
    ['lag 2', { transform: 'lag', of: 'close', periods: 2 }, [Number.NaN, Number.NaN, 10, 11, 12]],
    ['diff 1', { transform: 'diff', of: 'close', periods: 1 }, [Number.NaN, 1, 1, 3, -3]],
    ['pctChange 2', { transform: 'pctChange', of: 'close', periods: 2 }, [Number.NaN, Number.NaN, 0.2, 15 / 11 - 1, 0]],
    ['ratio close / volume', { transform: 'ratio', a: 'close', b: 'volume' }, [10, 5.5, 4, 3.75, 2.4]],
    ['spread close − volume', { transform: 'spread', a: 'close', b: 'volume' }, [9, 9, 9, 11, 7]],
    ['relative close / SMA(2) − 1', { transform: 'relative', a: 'close', b: 'sma_2' }, [Number.NaN, 11 / 10.5 - 1, 12 / 11.5 - 1, 15 / 13.5 - 1, 12 / 13.5 - 1]],
    ['crossover close vs level column', { transform: 'crossover', a: 'sma_2', b: 'close' }, [0, 0, 0, 0, 1]],
  ] as const)('%s by hand', (_name, transform, expected) => {
    const matrix = compileBatch({
      version: 1,
      features: [
        { name: 'sma_2', indicator: 'sma', params: { period: 2 }, hidden: true },
        { name: 'feature', ...transform },
      ],
    })(series);
    expect(matrix.columns).toEqual(['feature']);
    expect(Array.from(matrix.values).map((v) => (Number.isNaN(v) ? v : Number(v.toFixed(12))))).toEqual(
      expected.map((v) => (Number.isNaN(v) ? v : Number(v.toFixed(12)))),
    );
  });

  it('lays the matrix out row-major: values[row · columns + column]', () => {
    const matrix = compileBatch({
      version: 1,
      features: [
        { name: 'c', transform: 'lag', of: 'close', periods: 1 },
        { name: 'v', transform: 'lag', of: 'volume', periods: 1 },
      ],
    })(series);
    expect([matrix.rows, matrix.firstReadyRow]).toEqual([5, 1]);
    expect(Array.from(matrix.values.subarray(2, 10))).toEqual([10, 1, 11, 2, 12, 3, 15, 4]);
  });

  it('the default spec emits at least 15 named features over a BarSeries, ready after its 50-bar SMA', () => {
    const matrix = compileBatch(DEFAULT_FEATURE_SPEC)(series);
    expect(matrix.columns.length).toBeGreaterThanOrEqual(15);
    expect(matrix.columns).toContain('rsi_14');
    expect(matrix.columns).not.toContain('sma_50');
    expect(matrix.firstReadyRow).toBe(5);
    expect(compileBatch(DEFAULT_FEATURE_SPEC)(BarSeries.fromColumns({ ...series_columns(60) })).firstReadyRow).toBe(49);
  });
});

function series_columns(n: number) {
  const ramp = Array.from({ length: n }, (_, i) => 100 + Math.sin(i) * 5);
  return { timestamp: ramp.map((_, i) => i * 3_600_000), open: ramp, high: ramp.map((x) => x + 1), low: ramp.map((x) => x - 1), close: ramp, volume: ramp };
}
