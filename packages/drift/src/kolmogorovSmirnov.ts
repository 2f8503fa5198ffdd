import { InvalidArgumentError } from './InvalidArgumentError.js';
import { abs, max, min, sqrt } from './math.js';

/**
 * Two-sample Kolmogorov–Smirnov statistic D = sup_x |F_a(x) − F_b(x)| of two *sorted* samples.
 * Ties are handled by stepping past every copy of a value in both samples before comparing.
 */
export function ksStatisticOfSorted(a: ArrayLike<number>, b: ArrayLike<number>, aLength = a.length, bLength = b.length): number {
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < aLength && j < bLength) {
    const ai = a[i] ?? 0;
    const bj = b[j] ?? 0;
    const x = min(ai, bj);
    while (i < aLength && (a[i] ?? 0) === x) i++;
    while (j < bLength && (b[j] ?? 0) === x) j++;
    const gap = abs(i / aLength - j / bLength);
    if (gap > d) d = gap;
  }
  return d;
}

/** Two-sample Kolmogorov–Smirnov statistic of two samples in any order (copies and sorts them). */
export function ksStatistic(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 || b.length === 0) {
    throw new InvalidArgumentError({
      argument: a.length === 0 ? 'a' : 'b',
      message: `Invalid "${a.length === 0 ? 'a' : 'b'}": expected a non-empty sample, received an empty one.`,
    });
  }
  return ksStatisticOfSorted(Float64Array.from(a).sort(), Float64Array.from(b).sort());
}

/**
 * Asymptotic p-value P(D ≥ d) for samples of sizes n and m (continuous data), with Stephens'
 * small-sample correction λ = (√nₑ + 0.12 + 0.11/√nₑ)·d, nₑ = nm/(n + m), and the Kolmogorov
 * distribution Q(λ) = 2 Σ_{j≥1} (−1)^{j−1} e^{−2j²λ²} (or its Jacobi-theta dual for small λ).
 * @see M. A. Stephens, "Use of the Kolmogorov–Smirnov, Cramér–Von Mises and Related Statistics Without Extensive Tables", JRSS B 32 (1970).
 */
export function ksPValue(d: number, n: number, m: number): number {
  const sqrtNe = sqrt((n * m) / (n + m));
  const lambda = (sqrtNe + 0.12 + 0.11 / sqrtNe) * d;
  if (lambda <= 0) return 1;
  if (lambda < 1.18) {
    // 1 − (√(2π)/λ) Σ e^{−(2j−1)²π²/(8λ²)} converges fast for small λ
    let sum = 0;
    for (let j = 1; j <= 10; j++) sum += Math.exp(-((2 * j - 1) ** 2 * Math.PI ** 2) / (8 * lambda * lambda));
    return min(1, max(0, 1 - (sqrt(2 * Math.PI) / lambda) * sum));
  }
  let sum = 0;
  for (let j = 1; j <= 100; j++) {
    const term = Math.exp(-2 * j * j * lambda * lambda);
    sum += j % 2 === 1 ? term : -term;
    if (term < 1e-16) break;
  }
  return min(1, max(0, 2 * sum));
}

/**
 * Exact p-value P(D ≥ k/n) for two samples of equal size n (continuous data), by the
 * Gnedenko–Korolyuk formula: 2 Σ_{j=1}^{⌊n/k⌋} (−1)^{j+1} C(2n, n − jk) / C(2n, n).
 * @see B. V. Gnedenko, V. S. Korolyuk, "On the maximum discrepancy between two empirical distributions", 1951.
 */
export function ksExactPValueEqualSizes(d: number, n: number): number {
  const k = Math.ceil(d * n - 1e-9); // D takes values in multiples of 1/n
  if (k <= 0) return 1;
  let sum = 0;
  for (let j = 1; j * k <= n; j++) {
    // C(2n, n − jk) / C(2n, n) = Π_{i=0}^{jk−1} (n − i) / (n + 1 + i)
    let ratio = 1;
    for (let i = 0; i < j * k; i++) ratio *= (n - i) / (n + 1 + i);
    sum += j % 2 === 1 ? ratio : -ratio;
  }
  return min(1, 2 * sum);
}
