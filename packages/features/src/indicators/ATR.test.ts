import { describe, expect, it } from '@jest/globals';
import { ATR as ReferenceATR, TrueRange as ReferenceTrueRange } from 'technicalindicators';
import { compareTail } from './__fixtures__/reference.js';
import { btcHourly } from './__fixtures__/series.js';
import { ATR } from './ATR.js';
import { TrueRange, trueRange } from './TrueRange.js';

describe('TrueRange', () => {
  it.each([
    ['range dominates', 12, 10, 11, 2],
    ['gap up: high − previous close', 15, 14, 10, 5],
    ['gap down: previous close − low', 9, 7, 12, 5],
    ['first bar (no previous close): high − low', 12, 10, Number.NaN, 2],
  ])('%s', (_name, high, low, previousClose, expected) => {
    expect(trueRange(high, low, previousClose)).toBe(expected);
  });

  it('agrees exactly with technicalindicators TrueRange on the BTC hourly bars (after its first bar)', () => {
    const bars = btcHourly();
    const ours = TrueRange.fromBatch(bars);
    const reference = ReferenceTrueRange.calculate({ high: Array.from(bars.high), low: Array.from(bars.low), close: Array.from(bars.close) });
    expect(compareTail(ours, reference, 1).maxRelative).toBe(0);
  });
});

describe('ATR', () => {
  it('Wilder ATR(3) by hand: TR = 2, 3, 2, 4 → seed 7/3, then (7/3·2 + 4)/3 = 26/9', () => {
    const bars = { high: Float64Array.of(10, 12, 13, 14), low: Float64Array.of(8, 9, 11, 10), close: Float64Array.of(9, 11, 12, 13) };
    const out = ATR.fromBatch(bars, 3);
    expect(out[2]).toBeCloseTo(7 / 3, 14);
    expect(out[3]).toBeCloseTo(26 / 9, 14);
  });

  it('converges to technicalindicators ATR(14) on the BTC hourly bars', () => {
    // technicalindicators seeds with the TRs from the second bar on (it has no TR for the first bar), so
    // the first values differ; Wilder smoothing forgets the seed by (13/14)^k: compare after 1000 bars.
    const bars = btcHourly();
    const reference = ReferenceATR.calculate({ period: 14, high: Array.from(bars.high), low: Array.from(bars.low), close: Array.from(bars.close) });
    const { maxRelative } = compareTail(ATR.fromBatch(bars, 14), reference, 1000);
    expect(maxRelative).toBeLessThan(1e-12);
  });
});
