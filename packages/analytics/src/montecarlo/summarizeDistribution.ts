import { quantileSorted } from '../math.js';

/** The percentiles reported for every Monte Carlo distribution and fan-chart band. */
export const PERCENTILES = [5, 25, 50, 75, 95] as const;

/** Summary of a sample: mean and the 5/25/50/75/95th percentiles (linear interpolation, Hyndman–Fan type 7). */
export interface Distribution {
  readonly mean: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
  /** The sample itself, sorted ascending (for histograms). */
  readonly values: Float64Array;
}

/** Sorts a copy of `sample` and summarizes it. */
export function summarizeDistribution(sample: ArrayLike<number>): Distribution {
  const values = Float64Array.from(sample).sort();
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return {
    mean: values.length === 0 ? Number.NaN : sum / values.length,
    p5: quantileSorted(values, 0.05),
    p25: quantileSorted(values, 0.25),
    p50: quantileSorted(values, 0.5),
    p75: quantileSorted(values, 0.75),
    p95: quantileSorted(values, 0.95),
    values,
  };
}
