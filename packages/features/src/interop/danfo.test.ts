import { readFileSync } from 'node:fs';
import { describe, expect, it, jest } from '@jest/globals';
import { DataFrame } from 'danfojs-node';
import { BTC_1H_CSV, bitwiseMismatches } from '../market/__fixtures__/sharedData.js';
import { BAR_COLUMNS } from '../market/Bar.js';
import { BarSeries } from '../market/BarSeries.js';
import { parseBarsCsv } from '../market/csv.js';
import {
  barSeriesToDataFrame,
  DataFrameConversionError,
  dataFrameToBarSeries,
  dataFrameToFeatureMatrix,
  featureMatrixToDataFrame,
} from './danfo.js';

describe('danfojs interop', () => {
  const btc = parseBarsCsv(readFileSync(BTC_1H_CSV, 'utf8'));

  it('round-trips the BTC/USDT 1h file through a DataFrame bit for bit', () => {
    const df = barSeriesToDataFrame(btc);
    expect(df.shape).toEqual([62_482, 6]);
    expect(df.columns).toEqual([...BAR_COLUMNS]);
    // The cells are the exact doubles: a timestamp above 2^31 and a price with a long fraction survive.
    expect(df.column('timestamp').values[0]).toBe(1518192000000);
    expect(df.column('volume').values[0]).toBe(1189.651658);
    const back = dataFrameToBarSeries(df);
    for (const name of BAR_COLUMNS) {
      expect([name, bitwiseMismatches(back.column(name), btc.column(name))]).toEqual([name, []]);
    }
  });

  it('reads bar columns by name from a DataFrame built by hand, ignoring extra columns', () => {
    const df = new DataFrame({ volume: [5, 6], close: [1.5, 2.5], extra: [0, 0], low: [1, 2], high: [2, 3], open: [1.25, 2.25], timestamp: [1000, 2000] });
    expect(dataFrameToBarSeries(df).toRows()).toEqual([
      { timestamp: 1000, open: 1.25, high: 2, low: 1, close: 1.5, volume: 5 },
      { timestamp: 2000, open: 2.25, high: 3, low: 2, close: 2.5, volume: 6 },
    ]);
  });

  it('converts an empty series both ways', () => {
    const df = barSeriesToDataFrame(new BarSeries());
    expect(df.shape).toEqual([0, 6]);
    expect(dataFrameToBarSeries(df).length).toBe(0);
  });

  it('rejects a missing bar column and a non-number cell, naming them', () => {
    const noVolume = new DataFrame({ timestamp: [1], open: [1], high: [1], low: [1], close: [1] });
    expect(() => dataFrameToBarSeries(noVolume)).toThrow(expect.objectContaining({ name: 'DataFrameConversionError', column: 'volume' }));
    const text = new DataFrame({ timestamp: [1, 2], open: [1, 1], high: [1, 1], low: [1, 1], close: [1, 'x'], volume: [0, 0] });
    expect(() => dataFrameToBarSeries(text)).toThrow('Invalid DataFrame cell at row 1, column "close": expected a number, received "x".');
  });

  it('round-trips a feature matrix with NaN warm-up cells, row-major', () => {
    // 3 rows × 2 columns: [[NaN, 1], [0.1 + 0.2, -0], [1e300, 5e-324]]
    const matrix = { values: Float64Array.from([Number.NaN, 1, 0.1 + 0.2, -0, 1e300, 5e-324]), columns: ['sma_20', 'rsi_14'], rows: 3 };
    const df = featureMatrixToDataFrame(matrix);
    expect(df.columns).toEqual(['sma_20', 'rsi_14']);
    expect(df.column('rsi_14').values).toEqual([1, -0, 5e-324]);
    const back = dataFrameToFeatureMatrix(df);
    expect(back.columns).toEqual(matrix.columns);
    expect(back.rows).toBe(3);
    expect(bitwiseMismatches(back.values, matrix.values)).toEqual([]);
    expect(Array.from(dataFrameToFeatureMatrix(df, ['rsi_14']).values)).toEqual([1, -0, 5e-324]);
  });

  it('turns the bar DataFrame of the BTC file into a 62482 × 6 matrix equal to its columns', () => {
    const matrix = dataFrameToFeatureMatrix(barSeriesToDataFrame(btc));
    expect(matrix.rows).toBe(62_482);
    expect(bitwiseMismatches(Array.from({ length: matrix.rows }, (_, r) => matrix.values[r * 6 + 4] as number), btc.close)).toEqual([]);
  });

  it.each([
    ['a length that is not rows × columns', { values: new Float64Array(5), columns: ['a', 'b'], rows: 3 }, 'expected values.length = rows × columns.length = 3 × 2, received 5.'],
    ['a repeated column name', { values: new Float64Array(2), columns: ['a', 'a'], rows: 1 }, 'expected unique names, received "a" twice.'],
  ])('rejects a feature matrix with %s', (_label, matrix, message) => {
    expect(() => featureMatrixToDataFrame(matrix)).toThrow(DataFrameConversionError);
    expect(() => featureMatrixToDataFrame(matrix)).toThrow(message);
  });
});

describe('the package index', () => {
  it('does not load danfojs, while the danfo entry point does', () => {
    const loads: string[] = [];
    jest.isolateModules(() => {
      jest.doMock('danfojs-node', () => {
        loads.push('danfojs-node');
        return { DataFrame: class {} };
      });
      require('../index.js');
      expect(loads).toEqual([]);
      require('./danfo.js');
      expect(loads).toEqual(['danfojs-node']);
    });
  });
});
