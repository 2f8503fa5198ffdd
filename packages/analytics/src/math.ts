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

/**
 * Rearranges values[left..right] so that values[k] is the one an ascending sort would put there, smaller
 * or equal values before it, larger or equal after (quickselect, Hoare partition, median-of-three pivot).
 * @see C. A. R. Hoare, "Algorithm 65: Find", Communications of the ACM 4(7), 1961.
 */
function selectInPlace(values: Float64Array, k: number, left: number, right: number): void {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    const a = values[lo] as number;
    const b = values[(lo + hi) >>> 1] as number;
    const c = values[hi] as number;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c)); // median of three
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const tmp = values[i] as number;
        values[i] = values[j] as number;
        values[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Puts every index of `ks` (ascending) in its sorted place within values[lo..hi], splitting at the middle one. */
function multiSelect(values: Float64Array, ks: readonly number[], lo: number, hi: number): void {
  if (ks.length === 0) return;
  const middle = ks.length >> 1;
  const k = ks[middle] as number;
  selectInPlace(values, k, lo, hi);
  multiSelect(values, ks.slice(0, middle), lo, k - 1);
  multiSelect(values, ks.slice(middle + 1), k + 1, hi);
}

/**
 * The same quantiles as {@link quantileSorted} (type 7) by selection instead of a full sort: the needed
 * order statistics are placed with quickselect, splitting the range at each. Reorders `values`.
 */
export function quantilesInPlace(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => Number.NaN);
  const ranks = ps.flatMap((p) => {
    const lo = Math.floor((n - 1) * p);
    return lo + 1 < n ? [lo, lo + 1] : [lo];
  });
  multiSelect(values, [...new Set(ranks)].sort((a, b) => a - b), 0, n - 1);
  return ps.map((p) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = values[lo] as number;
    return h > lo ? a + (h - lo) * ((values[lo + 1] as number) - a) : a;
  });
}
