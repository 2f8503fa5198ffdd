import { describe, expect, it } from '@jest/globals';
import { BollingerBands as ReferenceBollingerBands } from 'technicalindicators';
import { compareTail } from './__fixtures__/reference.js';
import { btcHourly } from './__fixtures__/series.js';
import { BollingerBands } from './BollingerBands.js';

describe('BollingerBands', () => {
  it('population σ by hand: 2, 4, 4, 4, 5, 5, 7, 9 has mean 5 and σ 2', () => {
    // The textbook example of a population standard deviation of exactly 2.
    const bands = new BollingerBands({ period: 8, multiplier: 2 });
    let result = null;
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) result = bands.add(x);
    expect(result).not.toBeNull();
    expect(result?.middle).toBeCloseTo(5, 12);
    expect(result?.upper).toBeCloseTo(9, 12);
    expect(result?.lower).toBeCloseTo(1, 12);
    expect(result?.percentB).toBeCloseTo((9 - 1) / 8, 12);
    expect(result?.bandwidth).toBeCloseTo(8 / 5, 12);
  });

  it('sample σ divides by n − 1: same data, σ = sqrt(32/7)', () => {
    const out = BollingerBands.fromBatch(Float64Array.of(2, 4, 4, 4, 5, 5, 7, 9), { period: 8, multiplier: 1, deviation: 'sample' });
    expect(out.upper[7]).toBeCloseTo(5 + Math.sqrt(32 / 7), 12);
  });

  it('zero-width bands give %b = 0.5 and bandwidth 0', () => {
    const out = BollingerBands.fromBatch(Float64Array.of(3, 3, 3), { period: 3 });
    expect([out.percentB[2], out.bandwidth[2]]).toEqual([0.5, 0]);
  });

  it('agrees with technicalindicators BollingerBands(20, 2) (population σ) on the BTC hourly closes', () => {
    const close = btcHourly().close;
    const ours = BollingerBands.fromBatch(close);
    const reference = ReferenceBollingerBands.calculate({ period: 20, stdDev: 2, values: Array.from(close) });
    for (const [field, theirs] of [
      ['middle', reference.map((r) => r.middle)],
      ['upper', reference.map((r) => r.upper)],
      ['lower', reference.map((r) => r.lower)],
    ] as const) {
      const { maxRelative, compared } = compareTail(ours[field], theirs);
      expect(compared).toBe(close.length - 19);
      expect(maxRelative).toBeLessThan(1e-12);
    }
    // %b divides by the band width, which amplifies the ~1e-15 differences of two summation orders.
    expect(compareTail(ours.percentB, reference.map((r) => r.pb)).maxRelative).toBeLessThan(1e-9);
  });
});

describe('BollingerBands parameters', () => {
  it.each([
    [{ period: 0 }, 'Invalid "period": expected an integer >= 1, received "0".'],
    [{ multiplier: -1 }, 'Invalid "multiplier": expected a finite number > 0, received "-1".'],
    [{ deviation: 'median' as 'sample' }, 'Invalid "deviation": expected one of "population", "sample", received "median".'],
    [{ period: 1, deviation: 'sample' as const }, 'Invalid "period": expected an integer >= 2, received "1".'],
  ])('rejects %p with a message naming the parameter', (options, message) => {
    expect(() => new BollingerBands(options)).toThrow(message);
  });
});
