import { z } from 'zod';
import { InvalidArgumentError } from '../InvalidArgumentError.js';
import { safeRatio } from '../math.js';
import { parseWithSchema } from '../parseWithSchema.js';

/** Options of {@link probabilityOfBacktestOverfitting}. */
export const PboOptionsSchema = z.object({
  /** S: the number of contiguous blocks the periods are cut into; even, 2..20. C(S, S/2) combinations are evaluated. */
  splits: z
    .number()
    .int()
    .min(2)
    .max(20)
    .refine((s) => s % 2 === 0, 'expected an even number')
    .default(16),
});
export type PboOptions = z.input<typeof PboOptionsSchema>;

/** Outcome of the combinatorially symmetric cross-validation. */
export interface PboResult {
  /** PBO: share of combinations where the in-sample best trial ranks at or below the out-of-sample median (λ ≤ 0). */
  readonly pbo: number;
  /** Logit λ = ln(ω / (1 − ω)) of the IS-best trial's relative OOS rank ω, one per combination. */
  readonly logits: Float64Array;
  /** Per combination: the IS-best trial's in-sample and out-of-sample Sharpe ratio (per period). */
  readonly inSamplePerformance: Float64Array;
  readonly outOfSamplePerformance: Float64Array;
  /** Share of combinations where the IS-best trial's OOS Sharpe is negative. */
  readonly probabilityOfOutOfSampleLoss: number;
  readonly combinations: number;
}

/**
 * Probability of backtest overfitting by combinatorially symmetric cross-validation (CSCV).
 * `performance` is a trials × periods matrix of per-period returns (row = one trial / parameter set).
 * The T periods are cut into S contiguous blocks (block k = periods ⌊kT/S⌋ … ⌊(k+1)T/S⌋ − 1); for each of
 * the C(S, S/2) ways to pick S/2 blocks as in-sample (the rest out-of-sample), the trial with the best
 * in-sample Sharpe ratio (mean / sample stdev; the lowest index on ties) is ranked out-of-sample among all
 * N trials (rank 1 = worst, ties averaged), ω = rank / (N + 1), λ = ln(ω / (1 − ω)).
 * PBO = share of combinations with λ ≤ 0.
 * @see D. H. Bailey, J. M. Borwein, M. López de Prado, Q. J. Zhu, "The Probability of Backtest Overfitting", Journal of Computational Finance 20(4), 2017.
 */
export function probabilityOfBacktestOverfitting(performance: readonly ArrayLike<number>[], options: PboOptions = {}): PboResult {
  const { splits } = parseWithSchema(PboOptionsSchema, options, 'options');
  const trials = performance.length;
  if (trials < 2) {
    throw new InvalidArgumentError({ argument: 'performance', message: `Invalid "performance": expected at least 2 trials (rows), received "${trials}".` });
  }
  const periods = performance[0]?.length ?? 0;
  if (periods < splits) {
    throw new InvalidArgumentError({
      argument: 'performance.0',
      message: `Invalid "performance.0": expected at least ${splits} periods (one per split), received "${periods}".`,
    });
  }
  // Per trial and block: count, Σr, Σr².
  const count = new Float64Array(splits);
  const sum = new Float64Array(trials * splits);
  const sumSquares = new Float64Array(trials * splits);
  for (let k = 0; k < splits; k++) count[k] = Math.floor(((k + 1) * periods) / splits) - Math.floor((k * periods) / splits);
  performance.forEach((row, n) => {
    if (row.length !== periods) {
      throw new InvalidArgumentError({
        argument: `performance.${n}`,
        message: `Invalid "performance.${n}": expected ${periods} periods like row 0, received "${row.length}".`,
      });
    }
    for (let k = 0; k < splits; k++) {
      for (let t = Math.floor((k * periods) / splits); t < Math.floor(((k + 1) * periods) / splits); t++) {
        const r = row[t] as number;
        if (!Number.isFinite(r)) throw notFinite(n, t, r);
        sum[n * splits + k] = (sum[n * splits + k] as number) + r;
        sumSquares[n * splits + k] = (sumSquares[n * splits + k] as number) + r * r;
      }
    }
  });

  // Meet in the middle: per trial, the sums of every subset of the low blocks and of the high blocks, so the
  // sums of any union of blocks are two look-ups (C(16, 8) = 12 870 combinations × N trials × 2 sides).
  const low = splits >> 1;
  const lows = 1 << low;
  const lowCount = subsetSums(count, 0, low, 1, 0);
  const highCount = subsetSums(count, low, splits - low, 1, 0);
  const lowSum = subsetSums(sum, 0, low, trials, splits);
  const highSum = subsetSums(sum, low, splits - low, trials, splits);
  const lowSquares = subsetSums(sumSquares, 0, low, trials, splits);
  const highSquares = subsetSums(sumSquares, low, splits - low, trials, splits);
  const subsetSharpe = (n: number, lowMask: number, highMask: number, c: number): number => {
    const s = (lowSum[lowMask * trials + n] as number) + (highSum[highMask * trials + n] as number);
    const q = (lowSquares[lowMask * trials + n] as number) + (highSquares[highMask * trials + n] as number);
    const variance = c > 1 ? Math.max(q - (s * s) / c, 0) / (c - 1) : 0;
    return safeRatio(s / c, Math.sqrt(variance));
  };

  const half = splits / 2;
  const logits: number[] = [];
  const inSample: number[] = [];
  const outOfSample: number[] = [];
  const oos = new Float64Array(trials);
  const all = (1 << splits) - 1;
  // Gosper's hack: every S-bit mask with S/2 bits set, in increasing order.
  for (let mask = (1 << half) - 1; mask <= all; ) {
    const inLow = mask & (lows - 1);
    const inHigh = mask >>> low;
    const outLow = ~mask & (lows - 1);
    const outHigh = (all ^ mask) >>> low;
    const inCount = (lowCount[inLow] as number) + (highCount[inHigh] as number);
    const outCount = (lowCount[outLow] as number) + (highCount[outHigh] as number);
    let best = 0;
    let bestIs = Number.NEGATIVE_INFINITY;
    for (let n = 0; n < trials; n++) {
      const is = subsetSharpe(n, inLow, inHigh, inCount);
      if (is > bestIs) {
        bestIs = is;
        best = n;
      }
      oos[n] = subsetSharpe(n, outLow, outHigh, outCount);
    }
    const target = oos[best] as number;
    let below = 0;
    let equal = 0;
    for (let n = 0; n < trials; n++) {
      const v = oos[n] as number;
      if (v < target) below++;
      else if (v === target) equal++;
    }
    const rank = below + (equal + 1) / 2; // average rank of the tie group, 1-based
    const omega = rank / (trials + 1);
    logits.push(Math.log(omega / (1 - omega)));
    inSample.push(bestIs);
    outOfSample.push(target);
    const lowest = mask & -mask;
    const ripple = mask + lowest;
    mask = (((ripple ^ mask) >>> 2) / lowest) | ripple;
  }

  const combinations = logits.length;
  return {
    pbo: logits.filter((l) => l <= 0).length / combinations,
    logits: Float64Array.from(logits),
    inSamplePerformance: Float64Array.from(inSample),
    outOfSamplePerformance: Float64Array.from(outOfSample),
    probabilityOfOutOfSampleLoss: outOfSample.filter((p) => p < 0).length / combinations,
    combinations,
  };
}

/** Built outside the summing loop: an inline error literal there makes V8 box the loop's doubles on every pass. */
function notFinite(n: number, t: number, r: number): InvalidArgumentError {
  return new InvalidArgumentError({ argument: `performance.${n}.${t}`, message: `Invalid "performance.${n}.${t}": expected a finite number, received "${r}".` });
}

/**
 * For each of `rows` rows of `values` (row stride `stride`), the sums over every subset of the `blocks`
 * entries starting at `first`: out[m × rows + row] = Σ of the entries whose bit is set in m, added in
 * ascending order (each subset extends the one without its highest block). Subset-major, so that one
 * subset's sums over all rows are contiguous for the loop over trials.
 */
function subsetSums(values: Float64Array, first: number, blocks: number, rows: number, stride: number): Float64Array {
  const size = 1 << blocks;
  const out = new Float64Array(rows * size);
  for (let m = 1, top = 0; m < size; m++) {
    if (m === 1 << (top + 1)) top++;
    const without = (m ^ (1 << top)) * rows;
    for (let row = 0; row < rows; row++) out[m * rows + row] = (out[without + row] as number) + (values[row * stride + first + top] as number);
  }
  return out;
}
