import { describe, expect, it } from '@jest/globals';
import { CCI as ReferenceCCI } from 'technicalindicators';
import { compareTail } from './__fixtures__/reference.js';
import { btcHourly } from './__fixtures__/series.js';
import { CCI } from './CCI.js';

describe('CCI', () => {
  it('Lambert by hand: typical prices 1, 2, 6 → mean 3, mean deviation (2 + 1 + 3)/3 = 2 → (6 − 3)/(0.015·2) = 100', () => {
    const bars = { high: Float64Array.of(1, 2, 6), low: Float64Array.of(1, 2, 6), close: Float64Array.of(1, 2, 6) };
    expect(CCI.fromBatch(bars, 3)[2]).toBeCloseTo(100, 12);
  });

  it('agrees with technicalindicators CCI(20) on the BTC hourly bars to 1e-8 relative', () => {
    // Both sum the same deviations, in a different order (ring order vs. window order): differences of
    // ~1e-15 on the deviation sum are divided by a small mean deviation, hence 1e-8 and not bitwise.
    const columns = btcHourly();
    const reference = ReferenceCCI.calculate({ period: 20, high: Array.from(columns.high), low: Array.from(columns.low), close: Array.from(columns.close) });
    const { maxRelative, compared } = compareTail(CCI.fromBatch(columns, 20), reference);
    expect(compared).toBe(columns.close.length - 19);
    expect(maxRelative).toBeLessThan(1e-8);
  });

  it('a flat window (zero mean deviation) reads 0', () => {
    const bars = { high: Float64Array.of(4, 4), low: Float64Array.of(4, 4), close: Float64Array.of(4, 4) };
    expect(CCI.fromBatch(bars, 2)[1]).toBe(0);
  });
});
