import { describe, expect, it } from '@jest/globals';
import { RSI as ReferenceRSI } from 'technicalindicators';
import { compareTail } from './__fixtures__/reference.js';
import { btcHourly } from './__fixtures__/series.js';
import { RSI } from './RSI.js';

// Wilder's worked example as reproduced on the StockCharts ChartSchool RSI page (cs-rsi.xls):
// https://school.stockcharts.com/doku.php?id=technical_indicators:relative_strength_index_rsi
const closes = Float64Array.of(
  44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.1, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61, 46.28, 46.28, 46.0, 46.03,
  46.41, 46.22, 45.64, 46.21, 46.25, 45.71, 46.45, 45.78, 45.35, 44.03, 44.18, 44.22, 44.57, 43.42, 42.66, 43.13,
);
// The published RSI column from the 15th close on (two decimals; the sheet rounds its averages).
const published = [
  70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99, 41.46, 41.87, 45.46, 37.3,
  33.08, 37.77,
];

describe('RSI', () => {
  it('first value by hand: gains 3.34/14, losses 1.40/14 → 100 − 100/(1 + 3.34/1.40) = 70.4641', () => {
    const out = RSI.fromBatch(closes, 14);
    expect(Number.isNaN(out[13] as number)).toBe(true);
    expect(out[14]).toBeCloseTo(100 - 100 / (1 + 3.34 / 1.4), 10);
    // second: change −0.28 → gain (3.34/14·13)/14, loss (1.40/14·13 + 0.28)/14
    const gain = ((3.34 / 14) * 13) / 14;
    const loss = ((1.4 / 14) * 13 + 0.28) / 14;
    expect(out[15]).toBeCloseTo(100 - 100 / (1 + gain / loss), 10);
  });

  it.each(published.map((value, j) => [j + 14, value]))(
    'matches the published StockCharts table at close %i (%p) within 0.1, the rounding of its averages',
    (index, value) => {
      expect(Math.abs((RSI.fromBatch(closes, 14)[index] as number) - value)).toBeLessThan(0.1);
    },
  );

  it('agrees with technicalindicators RSI(14) on the BTC hourly closes within its 2-decimal rounding', () => {
    const close = btcHourly().close;
    const ours = RSI.fromBatch(close, 14);
    const reference = ReferenceRSI.calculate({ period: 14, values: Array.from(close) });
    const offset = ours.length - reference.length;
    let worst = 0;
    for (let j = 0; j < reference.length; j++) worst = Math.max(worst, Math.abs((ours[j + offset] as number) - (reference[j] as number)));
    expect(reference.length).toBe(close.length - 14);
    expect(worst).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(compareTail(ours, reference).compared).toBe(reference.length);
  });

  it.each([
    ['only gains', [1, 2, 3, 4, 5], 100],
    ['only losses', [5, 4, 3, 2, 1], 0],
    ['flat (no gains, no losses: neutral)', [3, 3, 3, 3, 3], 50],
  ])('%s → %p', (_name, values, expected) => {
    expect(RSI.fromBatch(Float64Array.from(values), 3)[4]).toBe(expected);
  });
});
