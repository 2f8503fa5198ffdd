import { describe, expect, it } from '@jest/globals';
import { ROC as ReferenceROC } from 'technicalindicators';
import { compareTail } from './__fixtures__/reference.js';
import { btcHourly } from './__fixtures__/series.js';
import { LogReturn } from './LogReturn.js';
import { Momentum } from './Momentum.js';
import { RateOfChange } from './RateOfChange.js';
import { SimpleReturn } from './SimpleReturn.js';

const prices = Float64Array.of(100, 110, 99, 121);

describe('momentum, rate of change and returns', () => {
  it.each([
    ['Momentum(2)', Momentum.fromBatch(prices, 2), [Number.NaN, Number.NaN, -1, 11]],
    ['RateOfChange(2) in percent', RateOfChange.fromBatch(prices, 2), [Number.NaN, Number.NaN, -1, 10]],
    ['SimpleReturn(1)', SimpleReturn.fromBatch(prices, 1), [Number.NaN, 0.1, -0.1, 121 / 99 - 1]],
    ['LogReturn(1)', LogReturn.fromBatch(prices, 1), [Number.NaN, Math.log(1.1), Math.log(0.9), Math.log(121 / 99)]],
  ])('%s by hand', (_name, actual, expected) => {
    expect(Array.from(actual).map((v) => (Number.isNaN(v) ? v : Number(v.toFixed(12))))).toEqual(
      expected.map((v) => (Number.isNaN(v) ? v : Number(v.toFixed(12)))),
    );
  });

  it('log returns over n bars are the sum of the n one-bar log returns', () => {
    const close = btcHourly().close.subarray(0, 2000);
    const one = LogReturn.fromBatch(close, 1);
    const four = LogReturn.fromBatch(close, 4);
    for (let i = 4; i < close.length; i++) {
      const sum = (one[i] as number) + (one[i - 1] as number) + (one[i - 2] as number) + (one[i - 3] as number);
      expect(Math.abs((four[i] as number) - sum)).toBeLessThan(1e-12);
    }
  });

  it('RateOfChange(10) agrees with technicalindicators ROC(10) on the BTC hourly closes', () => {
    const close = btcHourly().close;
    const { maxRelative, compared } = compareTail(RateOfChange.fromBatch(close, 10), ReferenceROC.calculate({ period: 10, values: Array.from(close) }));
    expect(compared).toBe(close.length - 10);
    expect(maxRelative).toBeLessThan(1e-12);
  });
});
