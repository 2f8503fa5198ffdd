import { describe, expect, it } from '@jest/globals';
import { inverseNormalCdf, normalCdf } from './normalDistribution.js';

// Reference values: scipy.stats.norm.cdf / norm.ppf (SciPy 1.17), printed to 16 significant digits.
describe('normalCdf', () => {
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1, 0.15865525393145707],
    [1.959963984540054, 0.975],
    [3, 0.9986501019683699],
    [-5, 2.866515718791933e-7],
  ])('Φ(%d) = %d (relative error < 1e-10)', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected) / expected).toBeLessThan(1e-10);
  });

  it.each([
    [-8, 6.22096057427174e-16],
    [-20, 2.7536241186061556e-89],
  ])('Φ(%d) = %d in the far tail (continued fraction, relative error < 1e-7)', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected) / expected).toBeLessThan(1e-7);
  });
});

describe('inverseNormalCdf', () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.5, 0],
    [0.99, 2.3263478740408408],
    [0.01, -2.3263478740408408],
    [0.8413447460685429, 1],
    [1e-10, -6.361340902404056],
    [1 - 1e-6, 4.753424308817087],
  ])('Φ⁻¹(%d) = %d', (p, expected) => {
    expect(inverseNormalCdf(p)).toBeCloseTo(expected, 9);
  });

  it('inverts normalCdf over (−6, 6)', () => {
    for (let x = -6; x <= 6; x += 0.25) expect(inverseNormalCdf(normalCdf(x))).toBeCloseTo(x, 7);
  });

  it('returns ±Infinity at 0 and 1 and NaN outside [0, 1]', () => {
    expect([inverseNormalCdf(0), inverseNormalCdf(1), inverseNormalCdf(1.5)]).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NaN]);
  });
});
