import { describe, expect, it } from '@jest/globals';
import { mulberry32 } from './__fixtures__/series.js';
import { Highest } from './Highest.js';
import { Lowest } from './Lowest.js';

/** The obvious O(n·period) definition, as the reference for the deque. */
function naive(values: Float64Array, period: number, pick: (...xs: number[]) => number): Float64Array {
  return values.map((_, i) => (i < period - 1 ? Number.NaN : pick(...values.subarray(i - period + 1, i + 1))));
}

describe('Highest and Lowest', () => {
  it.each([1, 2, 7, 50])('equal the naive window max/min on 5000 seeded values with ties (period %i)', (period) => {
    const random = mulberry32(period);
    // Rounded values make ties frequent, the case where deque eviction rules matter.
    const values = Float64Array.from({ length: 5000 }, () => Math.round(random() * 20));
    expect(Array.from(Highest.fromBatch(values, period))).toEqual(Array.from(naive(values, period, Math.max)));
    expect(Array.from(Lowest.fromBatch(values, period))).toEqual(Array.from(naive(values, period, Math.min)));
  });

  it('by hand: Highest(3) of 5, 1, 4, 2, 0, 3 = –, –, 5, 4, 4, 3', () => {
    expect(Array.from(Highest.fromBatch(Float64Array.of(5, 1, 4, 2, 0, 3), 3))).toEqual([Number.NaN, Number.NaN, 5, 4, 4, 3]);
  });
});
