import { z } from 'zod';
import { checkFinite } from './checkInput.js';
import { createResult, type DriftDetector, type DriftResult } from './DriftDetector.js';
import { InvalidArgumentError } from './InvalidArgumentError.js';
import { parseWithSchema } from './parseWithSchema.js';
import { abs, log, NAN, sqrt } from './math.js';

export const ADWINConfigSchema = z.object({
  /** Confidence of the cut test: smaller means fewer false alarms and slower detection. */
  delta: z.number().gt(0, 'expected a number in (0, 1)').lt(1, 'expected a number in (0, 1)').default(0.002),
  /** Cut points are checked every `clock` items (MOA's mintClock). */
  clock: z.number().int('expected an integer >= 1').min(1, 'expected an integer >= 1').default(32),
  /** Buckets kept per row of the exponential histogram (M in the paper, MOA's MAXBUCKETS). */
  maxBuckets: z.number().int('expected an integer >= 2').min(2, 'expected an integer >= 2').default(5),
  /** Minimum sub-window length (MOA's mintMinWinLength): both sides of a cut need more than this + 1 items. */
  minWindowLength: z.number().int('expected an integer >= 1').min(1, 'expected an integer >= 1').default(5),
});
export type ADWINConfig = z.input<typeof ADWINConfigSchema>;

export interface ADWINState {
  type: 'adwin';
  config: z.output<typeof ADWINConfigSchema>;
  /** Items seen since construction / reset (drives the check clock). */
  time: number;
  width: number;
  total: number;
  /** Sum of squared deviations from the window mean (width × variance). */
  squaredDeviations: number;
  /** Row i holds buckets of 2^i items, oldest first; row 0 is the newest. */
  rows: { totals: number[]; variances: number[] }[];
}

const ADWINStateSchema = z.object({
  type: z.literal('adwin'),
  config: ADWINConfigSchema,
  time: z.number().int().min(0),
  width: z.number().int().min(0),
  total: z.number(),
  squaredDeviations: z.number(),
  rows: z.array(z.object({ totals: z.array(z.number()), variances: z.array(z.number()) })).min(1),
});

/**
 * ADWIN's cut threshold ε for sub-windows of n0 (older) and n1 (newer) items in a window of `width`
 * items with population variance `variance` (the form documented on {@link ADWIN}; MOA's arithmetic order).
 */
export function adwinCutThreshold(n0: number, n1: number, width: number, variance: number, delta: number, minWindowLength: number): number {
  const dd = log((2 * log(width)) / delta);
  const m = 1 / (n0 - minWindowLength + 1) + 1 / (n1 - minWindowLength + 1);
  return sqrt(2 * m * variance * dd) + (2 / 3) * dd * m;
}

/** Windows shorter than this are never checked (MOA's mintMinimLongitudWindow). */
const MIN_WIDTH_TO_CHECK = 10;

/**
 * ADWIN2: an adaptive window over a real-valued stream, kept as an exponential histogram of
 * buckets, that drops its oldest part whenever two sub-windows have significantly different means.
 * The cut test, the check schedule and the bucket bookkeeping follow the behaviour of the authors'
 * MOA implementation (same detection points for the same stream and parameters):
 *
 * every `clock` items, if width > 10, for each bucket boundary from the oldest end, with W0 the older
 * part (n0 items) and W1 the newer (n1 items), both longer than `minWindowLength + 1`:
 *
 *   m⁻¹ = 1/(n0 − L + 1) + 1/(n1 − L + 1),  L = minWindowLength
 *   d   = ln(2 · ln(n) / delta),             n = width
 *   ε   = sqrt(2 · m⁻¹ · σ² · d) + (2/3) · d · m⁻¹,  σ² = variance of the whole window
 *
 * cut when |mean(W0) − mean(W1)| > ε: drop the oldest bucket and test again from scratch.
 * This is the Bernstein-style bound of the paper (Theorem 3.1 with the variance term), with
 * delta' = delta / ln n as in ADWIN2, since about ln n cut points are tested.
 * @see A. Bifet, R. Gavaldà, "Learning from Time-Changing Data with Adaptive Windowing", SDM 2007.
 */
export class ADWIN implements DriftDetector<ADWINState> {
  readonly kind = 'adwin';
  readonly statisticName = '|mean(W0) - mean(W1)|';
  readonly #config: z.output<typeof ADWINConfigSchema>;
  readonly #result: DriftResult = createResult();
  #time = 0;
  #width = 0;
  #total = 0;
  #squaredDeviations = 0;
  /**
   * The exponential histogram, flat: row i (buckets of 2^i items, oldest first) occupies
   * [i·stride, i·stride + counts[i]) of `totals` and `variances` (sums of squared deviations),
   * stride = maxBuckets + 1. Flat typed arrays keep the per-item cost low.
   */
  #stride = 0;
  #totals = new Float64Array(0);
  #variances = new Float64Array(0);
  #counts = new Int32Array(0);
  #rowCount = 0;

  constructor(config: ADWINConfig = {}) {
    this.#config = Object.freeze(parseWithSchema(ADWINConfigSchema, config));
    this.reset();
  }

  get config(): Readonly<z.output<typeof ADWINConfigSchema>> {
    return this.#config;
  }

  /** Items in the window. */
  get width(): number {
    return this.#width;
  }

  /** Sum of the items in the window. */
  get total(): number {
    return this.#total;
  }

  /** Mean of the window (NaN when empty). */
  get mean(): number {
    return this.#total / this.#width;
  }

  /** Population variance of the window (NaN when empty). */
  get variance(): number {
    return this.#squaredDeviations / this.#width;
  }

  update(x: number): Readonly<DriftResult> {
    checkFinite(x);
    const result = this.#result;
    result.drift = false;
    result.warning = false;
    result.statistic = 0;
    result.threshold = NAN;
    this.#time++;
    this.#insert(x);
    if (this.#time % this.#config.clock === 0 && this.#width > MIN_WIDTH_TO_CHECK) {
      while (this.#cutOnce()) result.drift = true;
    }
    result.estimate = this.#total / this.#width;
    return result;
  }

  reset(): void {
    this.#time = 0;
    this.#width = 0;
    this.#total = 0;
    this.#squaredDeviations = 0;
    this.#stride = this.#config.maxBuckets + 1;
    this.#totals = new Float64Array(8 * this.#stride);
    this.#variances = new Float64Array(8 * this.#stride);
    this.#counts = new Int32Array(8);
    this.#rowCount = 1;
    const result = this.#result;
    result.drift = false;
    result.warning = false;
    result.estimate = undefined;
    result.statistic = 0;
    result.threshold = NAN;
  }

  getState(): ADWINState {
    const rows: ADWINState['rows'] = [];
    for (let i = 0; i < this.#rowCount; i++) {
      const from = i * this.#stride;
      const to = from + (this.#counts[i] ?? 0);
      rows.push({ totals: Array.from(this.#totals.subarray(from, to)), variances: Array.from(this.#variances.subarray(from, to)) });
    }
    return {
      type: 'adwin',
      config: { ...this.#config },
      time: this.#time,
      width: this.#width,
      total: this.#total,
      squaredDeviations: this.#squaredDeviations,
      rows,
    };
  }

  static fromState(state: ADWINState): ADWIN {
    const s = parseWithSchema(ADWINStateSchema, state, 'state');
    const adwin = new ADWIN(s.config);
    let width = 0;
    s.rows.forEach((row, i) => {
      if (row.totals.length !== row.variances.length || row.totals.length > s.config.maxBuckets) {
        throw new InvalidArgumentError({
          argument: `state.rows.${i}`,
          message: `Invalid "state.rows.${i}": expected equal totals and variances of at most ${s.config.maxBuckets} buckets, received ${row.totals.length} and ${row.variances.length}.`,
        });
      }
      if (i > 0) adwin.#addRow();
      adwin.#totals.set(row.totals, i * adwin.#stride);
      adwin.#variances.set(row.variances, i * adwin.#stride);
      adwin.#counts[i] = row.totals.length;
      width += row.totals.length * 2 ** i;
    });
    if (width !== s.width) {
      throw new InvalidArgumentError({
        argument: 'state.width',
        message: `Invalid "state.width": expected the bucket sizes' sum "${width}", received "${s.width}".`,
      });
    }
    adwin.#time = s.time;
    adwin.#width = s.width;
    adwin.#total = s.total;
    adwin.#squaredDeviations = s.squaredDeviations;
    return adwin;
  }

  #addRow(): void {
    if (this.#rowCount === this.#counts.length) {
      const grow = <T extends Float64Array | Int32Array>(from: T, to: T): T => {
        to.set(from);
        return to;
      };
      this.#totals = grow(this.#totals, new Float64Array(this.#totals.length * 2));
      this.#variances = grow(this.#variances, new Float64Array(this.#variances.length * 2));
      this.#counts = grow(this.#counts, new Int32Array(this.#counts.length * 2));
    }
    this.#counts[this.#rowCount] = 0;
    this.#rowCount++;
  }

  #insert(x: number): void {
    const count0 = this.#counts[0] ?? 0;
    this.#totals[count0] = x;
    this.#variances[count0] = 0;
    this.#counts[0] = count0 + 1;
    this.#width++;
    const w = this.#width;
    if (w > 1) {
      const d = x - this.#total / (w - 1);
      this.#squaredDeviations += ((w - 1) * d * d) / w;
    }
    this.#total += x;
    if (count0 + 1 === this.#stride) this.#compress();
  }

  /** A row that reaches maxBuckets + 1 merges its two oldest buckets into one bucket of the next row. */
  #compress(): void {
    const full = this.#stride;
    let size = 1;
    for (let i = 0; (this.#counts[i] ?? 0) === full; i++, size *= 2) {
      if (i + 1 === this.#rowCount) this.#addRow();
      const totals = this.#totals;
      const variances = this.#variances;
      const at = i * full;
      const t0 = totals[at] ?? 0;
      const t1 = totals[at + 1] ?? 0;
      const d = t0 / size - t1 / size;
      // Chan et al.'s pairwise update: S = S0 + S1 + n0·n1/(n0 + n1)·(mean0 − mean1)²
      const merged = (variances[at] ?? 0) + (variances[at + 1] ?? 0) + (size * size * d * d) / (size + size);
      const next = this.#counts[i + 1] ?? 0;
      totals[at + full + next] = t0 + t1;
      variances[at + full + next] = merged;
      this.#counts[i + 1] = next + 1;
      for (let k = at; k < at + full - 2; k++) {
        totals[k] = totals[k + 2] ?? 0;
        variances[k] = variances[k + 2] ?? 0;
      }
      this.#counts[i] = full - 2;
    }
  }

  /** Drops the oldest bucket, downdating total and squared deviations. */
  #deleteOldest(): void {
    const last = this.#rowCount - 1;
    const size = 2 ** last;
    const totals = this.#totals;
    const variances = this.#variances;
    const at = last * this.#stride;
    const t = totals[at] ?? 0;
    this.#width -= size;
    this.#total -= t;
    const w = this.#width;
    const d = t / size - this.#total / w;
    this.#squaredDeviations -= (variances[at] ?? 0) + (size * w * d * d) / (size + w);
    const count = (this.#counts[last] ?? 0) - 1;
    for (let k = at; k < at + count; k++) {
      totals[k] = totals[k + 1] ?? 0;
      variances[k] = variances[k + 1] ?? 0;
    }
    this.#counts[last] = count;
    if (count === 0 && last > 0) this.#rowCount--;
  }

  /** Scans the bucket boundaries from the oldest end; on the first significant cut drops the oldest bucket. */
  #cutOnce(): boolean {
    const { delta, minWindowLength } = this.#config;
    const n = this.#width;
    const dd = log((2 * log(n)) / delta);
    const v = this.#squaredDeviations / n;
    const minLength = minWindowLength + 1;
    const totals = this.#totals;
    let n0 = 0;
    let n1 = n;
    let u0 = 0;
    let u1 = this.#total;
    let size = 2 ** (this.#rowCount - 1);
    for (let i = this.#rowCount - 1; i >= 0; i--, size /= 2) {
      const at = i * this.#stride;
      const end = at + (this.#counts[i] ?? 0);
      for (let k = at; k < end; k++) {
        const t = totals[k] ?? 0;
        n0 += size;
        n1 -= size;
        u0 += t;
        u1 -= t;
        // n1 only shrinks: once too short, no later boundary qualifies (the newest bucket never does)
        if (n1 <= minLength) return false;
        if (n0 > minLength) {
          // adwinCutThreshold inlined, with dd hoisted out of the scan
          const m = 1 / (n0 - minWindowLength + 1) + 1 / (n1 - minWindowLength + 1);
          const epsilon = sqrt(2 * m * v * dd) + (2 / 3) * dd * m;
          const difference = abs(u0 / n0 - u1 / n1);
          if (difference > epsilon) {
            if (!this.#result.drift) {
              // report the cut that triggered this detection, not the follow-up cuts
              this.#result.statistic = difference;
              this.#result.threshold = epsilon;
            }
            this.#deleteOldest();
            return true;
          }
        }
      }
    }
    return false;
  }
}
