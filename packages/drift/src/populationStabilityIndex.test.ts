import { describe, expect, it } from '@jest/globals';
import { PSI_EPSILON, populationStabilityIndex, psiLevel } from './populationStabilityIndex.js';

describe('populationStabilityIndex', () => {
  it('matches the hand sum Σ (a − e)·ln(a/e)', () => {
    // (0.1 − 0.25)·ln(0.4) = 0.137444; (0.2 − 0.25)·ln(0.8) = 0.011157;
    // (0.3 − 0.25)·ln(1.2) = 0.009116; (0.4 − 0.25)·ln(1.6) = 0.070501; total 0.228217
    expect(populationStabilityIndex([0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4])).toBeCloseTo(0.228217, 5);
  });

  it('is 0 for identical proportions and symmetric in its arguments', () => {
    expect(populationStabilityIndex([0.5, 0.3, 0.2], [0.5, 0.3, 0.2])).toBe(0);
    expect(populationStabilityIndex([0.5, 0.3, 0.2], [0.2, 0.3, 0.5])).toBeCloseTo(populationStabilityIndex([0.2, 0.3, 0.5], [0.5, 0.3, 0.2]), 15);
  });

  it('floors an empty bin at PSI_EPSILON', () => {
    // [0.5, 0.5] vs [1, 0]: (1 − 0.5)·ln(2) + (1e-4 − 0.5)·ln(1e-4/0.5) = 0.346574 + 4.257745 = 4.604318
    expect(PSI_EPSILON).toBe(1e-4);
    expect(populationStabilityIndex([0.5, 0.5], [1, 0])).toBeCloseTo(0.5 * Math.LN2 + (1e-4 - 0.5) * Math.log(1e-4 / 0.5), 12);
    expect(populationStabilityIndex([0.5, 0.5], [1, 0])).toBeCloseTo(4.604318, 5);
  });

  it('rejects bins of different lengths', () => {
    expect(() => populationStabilityIndex([0.5, 0.5], [1])).toThrow('Invalid "actual": expected 2 bin proportions (as many as "expected", at least 1), received 1.');
  });

  it.each([
    [0, 'stable'],
    [0.0999, 'stable'],
    [0.1, 'moderate'],
    [0.25, 'moderate'],
    [0.2501, 'significant'],
  ])('reads PSI %d as %s (< 0.1 stable, 0.1–0.25 moderate, > 0.25 significant)', (psi, level) => {
    expect(psiLevel(psi)).toBe(level);
  });
});
