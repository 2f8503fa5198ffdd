import type { HistogramStats } from '../logging/logLines.js';

/** Linear sub-buckets per power of two. */
const SUB_BUCKETS = 64;
/** Smallest tracked exponent: values below 2^-20 (about 1e-6) count as zero. */
const MIN_EXPONENT = -20;
/** Largest tracked exponent: values of 2^44 (about 1.8e13) and above share the top bucket (max stays exact). */
const MAX_EXPONENT = 43;
const BUCKETS = (MAX_EXPONENT - MIN_EXPONENT + 1) * SUB_BUCKETS;
const SMALLEST = 2 ** MIN_EXPONENT;

/**
 * Worst-case relative error of {@link Histogram.percentile} against the exact nearest-rank quantile of
 * the recorded values: half a sub-bucket's width over the bucket's lower bound, 1 / (2 * 64) = 0.78%.
 */
export const HISTOGRAM_RELATIVE_PRECISION = 1 / (2 * SUB_BUCKETS);

/**
 * A latency histogram with O(1) `record` and fixed memory (4096 counts): log-linear buckets, each power
 * of two split into 64 equal sub-buckets, in the manner of HdrHistogram. Percentiles are the
 * midpoint of the bucket holding the nearest-rank sample, clamped to the exact min and max.
 * @see https://hdrhistogram.github.io/HdrHistogram/
 */
export class Histogram {
  readonly name: string;
  readonly unit: string;
  readonly #counts = new Float64Array(BUCKETS);
  #zeros = 0;
  #count = 0;
  #sum = 0;
  #min = Number.POSITIVE_INFINITY;
  #max = Number.NEGATIVE_INFINITY;
  #lowest = BUCKETS;
  #highest = -1;

  constructor(name: string, unit: string) {
    this.name = name;
    this.unit = unit;
  }

  /** Records one non-negative finite value. */
  record(value: number): void {
    if (!(value >= 0) || value === Number.POSITIVE_INFINITY)
      throw new RangeError(`Invalid value for histogram "${this.name}": expected a finite number >= 0, received "${value}".`);
    this.#count++;
    this.#sum += value;
    if (value < this.#min) this.#min = value;
    if (value > this.#max) this.#max = value;
    if (value < SMALLEST) {
      this.#zeros++;
      return;
    }
    const index = bucketOf(value);
    this.#counts[index] = (this.#counts[index] ?? 0) + 1;
    if (index < this.#lowest) this.#lowest = index;
    if (index > this.#highest) this.#highest = index;
  }

  get count(): number {
    return this.#count;
  }

  /** Arithmetic mean of the recorded values (exact); NaN when empty. */
  get mean(): number {
    return this.#count === 0 ? Number.NaN : this.#sum / this.#count;
  }

  /** Exact smallest value; NaN when empty. */
  get min(): number {
    return this.#count === 0 ? Number.NaN : this.#min;
  }

  /** Exact largest value; NaN when empty. */
  get max(): number {
    return this.#count === 0 ? Number.NaN : this.#max;
  }

  /**
   * The `p`-th percentile (0-100) by nearest rank, within {@link HISTOGRAM_RELATIVE_PRECISION} of the
   * exact value; `p = 0` is the min and `p = 100` the max. NaN when empty.
   */
  percentile(p: number): number {
    if (!(p >= 0 && p <= 100)) throw new RangeError(`Invalid "p" for histogram "${this.name}": expected a number in [0, 100], received "${p}".`);
    if (this.#count === 0) return Number.NaN;
    if (p === 0) return this.#min;
    if (p === 100) return this.#max;
    const rank = Math.max(1, Math.ceil((p / 100) * this.#count));
    let seen = this.#zeros;
    if (seen >= rank) return this.#min;
    for (let i = this.#lowest; i <= this.#highest; i++) {
      seen += this.#counts[i] ?? 0;
      if (seen >= rank) return Math.min(this.#max, Math.max(this.#min, midpointOf(i)));
    }
    return this.#max;
  }

  /** count, min, mean, p50, p90, p99, max of the values recorded since the last reset. */
  stats(): HistogramStats {
    return {
      count: this.#count,
      min: this.min,
      mean: this.mean,
      p50: this.percentile(50),
      p90: this.percentile(90),
      p99: this.percentile(99),
      max: this.max,
    };
  }

  /** Forgets every value (a new flush interval). */
  reset(): void {
    if (this.#highest >= this.#lowest) this.#counts.fill(0, this.#lowest, this.#highest + 1);
    this.#zeros = 0;
    this.#count = 0;
    this.#sum = 0;
    this.#min = Number.POSITIVE_INFINITY;
    this.#max = Number.NEGATIVE_INFINITY;
    this.#lowest = BUCKETS;
    this.#highest = -1;
  }
}

function bucketOf(value: number): number {
  let exponent = Math.floor(Math.log2(value));
  // log2 may round across a power of two; correct so that 1 <= mantissa < 2.
  let mantissa = value / 2 ** exponent;
  if (mantissa >= 2) {
    exponent++;
    mantissa /= 2;
  } else if (mantissa < 1) {
    exponent--;
    mantissa *= 2;
  }
  if (exponent > MAX_EXPONENT) return BUCKETS - 1;
  const sub = Math.min(SUB_BUCKETS - 1, Math.floor((mantissa - 1) * SUB_BUCKETS));
  return (exponent - MIN_EXPONENT) * SUB_BUCKETS + sub;
}

function midpointOf(index: number): number {
  const exponent = Math.floor(index / SUB_BUCKETS) + MIN_EXPONENT;
  const sub = index % SUB_BUCKETS;
  return 2 ** exponent * (1 + (sub + 0.5) / SUB_BUCKETS);
}
