import { describe, expect, it } from '@jest/globals';
import { ksExactPValueEqualSizes, ksPValue, ksStatistic } from './kolmogorovSmirnov.js';

/** P(D ≥ k/n) by enumerating every way to interleave two samples of n distinct values (C(2n, n) paths). */
function enumeratedPValue(k: number, n: number): number {
  let hits = 0;
  let total = 0;
  const walk = (a: number, b: number, max: number) => {
    if (a === n && b === n) {
      total++;
      if (max >= k) hits++;
      return;
    }
    if (a < n) walk(a + 1, b, Math.max(max, Math.abs(a + 1 - b)));
    if (b < n) walk(a, b + 1, Math.max(max, Math.abs(a - b - 1)));
  };
  walk(0, 0, 0);
  return hits / total;
}

describe('ksStatistic', () => {
  it.each([
    // F_a − F_b at 1, 2, 2.5, 3: 1/3, 2/3, 1/3, 2/3 → 2/3
    [[1, 2, 3], [2.5, 4, 5], 2 / 3],
    // ties step together: at 1: 2/3 vs 1/3; at 2: 1 vs 1 → 1/3
    [[1, 1, 2], [1, 2, 2], 1 / 3],
    [[3, 1, 2], [1, 2, 3], 0],
    // disjoint samples
    [[1, 2], [3, 4, 5], 1],
  ])('D(%j, %j) = %d', (a, b, d) => {
    expect(ksStatistic(a, b)).toBeCloseTo(d, 12);
  });

  it('rejects an empty sample', () => {
    expect(() => ksStatistic([], [1])).toThrow('Invalid "a": expected a non-empty sample, received an empty one.');
  });
});

describe('ksExactPValueEqualSizes (Gnedenko–Korolyuk) against enumeration of all interleavings', () => {
  const cases = [1, 2, 3, 4, 5, 6, 7].flatMap((n) => Array.from({ length: n }, (_, i) => [i + 1, n] as const));
  it.each(cases)('P(D >= %d/n) for n = %d', (k, n) => {
    expect(ksExactPValueEqualSizes(k / n, n)).toBeCloseTo(enumeratedPValue(k, n), 12);
  });

  it('gives P(D >= 0) = 1', () => {
    expect(ksExactPValueEqualSizes(0, 10)).toBe(1);
  });
});

describe('ksPValue (asymptotic Kolmogorov distribution)', () => {
  // With n = m = 10^8 Stephens' correction vanishes and λ = √(n/2)·D; Q(λ) = P(K > λ) from published tables:
  // Q(1.2238) = 0.10, Q(1.3581) = 0.05, Q(1.6276) = 0.01, Q(1.9495) = 0.001; Q(1) = 0.27000, Q(0.5) = 0.96395
  const n = 1e8;
  const sqrtNe = Math.sqrt(n / 2);
  it.each([
    [1.2238, 0.1],
    [1.3581, 0.05],
    [1.6276, 0.01],
    [1.9495, 0.001],
    [1, 0.27],
    [0.5, 0.96395],
  ])('Q(%d) = %d', (lambda, p) => {
    expect(ksPValue(lambda / (sqrtNe + 0.12 + 0.11 / sqrtNe), n, n)).toBeCloseTo(p, 4);
  });

  it('is within 0.01 of the exact p-value for equal samples of 100 (0.0314 vs 0.0364 at D = 0.2, a lattice point)', () => {
    expect(Math.abs(ksPValue(0.2, 100, 100) - ksExactPValueEqualSizes(0.2, 100))).toBeLessThan(0.01);
  });
});
