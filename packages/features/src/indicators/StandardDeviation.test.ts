import { describe, expect, it } from '@jest/globals';
import { SD as ReferenceSD } from 'technicalindicators';
import { compareTail } from './__fixtures__/reference.js';
import { btcHourly, mulberry32 } from './__fixtures__/series.js';
import { StandardDeviation } from './StandardDeviation.js';
import { ZScore } from './ZScore.js';

/** Two-pass population/sample standard deviation of one window: the textbook reference. */
function twoPass(window: Float64Array, ddof: number): number {
  const mean = window.reduce((a, b) => a + b, 0) / window.length;
  return Math.sqrt(window.reduce((a, b) => a + (b - mean) ** 2, 0) / (window.length - ddof));
}

describe('StandardDeviation', () => {
  it('population by hand: 2, 4, 4, 4, 5, 5, 7, 9 → 2', () => {
    expect(StandardDeviation.fromBatch(Float64Array.of(2, 4, 4, 4, 5, 5, 7, 9), 8)[7]).toBeCloseTo(2, 14);
  });

  it.each([
    ['population', 0],
    ['sample', 1],
  ] as const)('%s σ matches the two-pass formula to 1e-9 relative on prices near 1e5 with tiny spread', (deviation, ddof) => {
    // A large mean against a small spread is where naive Σx² − (Σx)²/n loses every digit; the shifted sums must not.
    const random = mulberry32(5);
    const values = Float64Array.from({ length: 3000 }, () => 1e5 + random() * 1e-2);
    const out = StandardDeviation.fromBatch(values, 30, deviation);
    for (let i = 29; i < values.length; i += 37) {
      const expected = twoPass(values.subarray(i - 29, i + 1), ddof);
      expect(Math.abs((out[i] as number) - expected) / expected).toBeLessThan(1e-9);
    }
  });

  it('agrees with technicalindicators SD(20) on the BTC hourly closes to 1e-9 relative', () => {
    const close = btcHourly().close;
    const { maxRelative, compared } = compareTail(StandardDeviation.fromBatch(close, 20), ReferenceSD.calculate({ period: 20, values: Array.from(close) }));
    expect(compared).toBe(close.length - 19);
    expect(maxRelative).toBeLessThan(1e-9);
  });
});

describe('ZScore', () => {
  it('by hand: window 2, 4, 4, 4, 5, 5, 7, 9 (mean 5, σ 2) → (9 − 5)/2 = 2', () => {
    expect(ZScore.fromBatch(Float64Array.of(2, 4, 4, 4, 5, 5, 7, 9), 8)[7]).toBeCloseTo(2, 12);
  });

  it('a constant window reads 0', () => {
    expect(ZScore.fromBatch(Float64Array.of(7, 7, 7), 3)[2]).toBe(0);
  });
});
