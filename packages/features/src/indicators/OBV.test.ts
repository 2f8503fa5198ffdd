import { describe, expect, it } from '@jest/globals';
import { OBV as ReferenceOBV } from 'technicalindicators';
import { compareTail } from './__fixtures__/reference.js';
import { btcHourly } from './__fixtures__/series.js';
import { OBV } from './OBV.js';
import { RollingVWAP } from './RollingVWAP.js';

describe('OBV', () => {
  it('by hand: 0, +20 (up), +20 (flat), −10 (down) = 0, 20, 20, 10', () => {
    const out = OBV.fromBatch({ close: Float64Array.of(10, 11, 11, 9), volume: Float64Array.of(5, 20, 7, 10) });
    expect(Array.from(out)).toEqual([0, 20, 20, 10]);
  });

  it('agrees exactly with technicalindicators OBV on the BTC hourly bars', () => {
    const columns = btcHourly();
    const reference = ReferenceOBV.calculate({ close: Array.from(columns.close), volume: Array.from(columns.volume) });
    expect(compareTail(OBV.fromBatch(columns), reference, 1).maxRelative).toBe(0);
  });
});

describe('RollingVWAP', () => {
  it('by hand: Σ tp·v / Σ v over 2 bars: tp 10 (v 1), 20 (v 3) → 70/4 = 17.5, then 20 (v 3), 40 (v 1) → 100/4 = 25', () => {
    const flat = (xs: number[]) => Float64Array.from(xs);
    const bars = { high: flat([10, 20, 40]), low: flat([10, 20, 40]), close: flat([10, 20, 40]), volume: flat([1, 3, 1]) };
    expect(Array.from(RollingVWAP.fromBatch(bars, 2))).toEqual([Number.NaN, 17.5, 25]);
  });

  it('falls back to the mean typical price when the window has no volume', () => {
    const bars = { high: Float64Array.of(12, 16), low: Float64Array.of(8, 8), close: Float64Array.of(10, 12), volume: Float64Array.of(0, 0) };
    // tp = 10 and 12 → 11
    expect(RollingVWAP.fromBatch(bars, 2)[1]).toBeCloseTo(11, 14);
  });
});
