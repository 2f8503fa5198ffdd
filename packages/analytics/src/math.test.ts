import { describe, expect, it } from '@jest/globals';
import { quantileSorted, quantilesInPlace, safeRatio, sampleStdev } from './math.js';
import { SeededRandom } from './SeededRandom.js';

describe('quantilesInPlace', () => {
  const ps = [0.05, 0.25, 0.5, 0.75, 0.95];

  it.each([[1], [2], [5], [10], [101], [1000]])('matches a full sort for %d values, with ties', (n) => {
    const random = new SeededRandom(n);
    const values = Float64Array.from({ length: n }, () => Math.round(random.nextGaussian() * 4) + 0); // + 0 folds −0
    const sorted = Float64Array.from(values).sort();
    expect(quantilesInPlace(values, ps)).toEqual(ps.map((p) => quantileSorted(sorted, p)));
  });

  it('agrees with numpy.percentile on [0.3, −1, 7, 2.5]: [−0.805, −0.025, 1.4, 3.625, 6.325]', () => {
    const q = quantilesInPlace(Float64Array.from([0.3, -1, 7, 2.5]), ps);
    [-0.805, -0.025, 1.4, 3.625, 6.325].forEach((expected, i) => {
      expect(q[i]).toBeCloseTo(expected, 12);
    });
  });
});

describe('helpers', () => {
  it.each([
    [1, 2, 0.5],
    [0, 0, 0],
    [3, 0, Number.POSITIVE_INFINITY],
    [-3, 0, Number.NEGATIVE_INFINITY],
  ])('safeRatio(%d, %d) = %d', (a, b, expected) => {
    expect(safeRatio(a, b)).toBe(expected);
  });

  it('takes the sample standard deviation: [2, 4, 4, 4, 5, 5, 7, 9] → √(32/7)', () => {
    expect(sampleStdev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });
});
