/** Small numeric helpers shared by the modules of this package (not exported from the index). */

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return values.length === 0 ? 0 : sum / values.length;
}

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function sampleStdev(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - m;
    sum += d * d;
  }
  return Math.sqrt(sum / (n - 1));
}

/**
 * `numerator / denominator`, with a zero denominator read as "no risk / no loss": 0 when the
 * numerator is 0 too, otherwise ±Infinity. Keeps ratios free of NaN.
 */
export function safeRatio(numerator: number, denominator: number): number {
  if (denominator !== 0) return numerator / denominator;
  if (numerator === 0) return 0;
  return numerator > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

/**
 * Quantile of an ascending-sorted array by linear interpolation between closest ranks
 * (Hyndman & Fan definition 7, the default of numpy and R): h = (n − 1)·p.
 * @see R. J. Hyndman, Y. Fan, "Sample Quantiles in Statistical Packages", The American Statistician, 1996.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] as number;
  return a + (h - lo) * ((sorted[hi] as number) - a);
}
