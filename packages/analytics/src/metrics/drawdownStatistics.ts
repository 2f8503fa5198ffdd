import { checkEquityCurve } from './checkEquityCurve.js';

/** Drawdown figures of an equity curve. Depths are positive fractions of the running peak (0.1 = 10 %). */
export interface DrawdownStatistics {
  /** Deepest drawdown, max over i of 1 − E_i / max(E_0..E_i). */
  readonly maxDrawdown: number;
  /** Bar index of the peak before the deepest drawdown. */
  readonly maxDrawdownPeakIndex: number;
  /** Bar index of the deepest point. */
  readonly maxDrawdownTroughIndex: number;
  /** First bar index at or above the old peak again; -1 while not recovered. */
  readonly maxDrawdownRecoveryIndex: number;
  /** Longest drawdown episode, peak to recovery (or to the last bar when still open), in bars. */
  readonly longestDrawdownBars: number;
  /** The same episode in milliseconds: t_recovery − t_peak (or t_last − t_peak). */
  readonly longestDrawdownMs: number;
  /** Whether that longest episode is still open at the last bar. */
  readonly longestDrawdownOngoing: boolean;
  /** Drawdown at the last bar (0 when at a new high). */
  readonly currentDrawdown: number;
  /** Fraction of bars strictly below the running peak. */
  readonly timeUnderWater: number;
}

/**
 * Depth, duration and time under water of the drawdowns of an equity curve.
 * An episode starts at a running peak and ends at the first bar with E ≥ that peak.
 * @throws {InvalidArgumentError} on mismatched lengths, non-increasing timestamps or equity ≤ 0.
 */
export function drawdownStatistics(timestamps: Float64Array, equity: Float64Array): DrawdownStatistics {
  checkEquityCurve(timestamps, equity);
  const n = equity.length;
  let peak = equity[0] as number;
  let peakIndex = 0;
  let maxDrawdown = 0;
  let maxPeak = 0;
  let maxTrough = 0;
  let longestBars = 0;
  let longestMs = 0;
  let longestOngoing = false;
  let underWater = 0;
  for (let i = 1; i < n; i++) {
    const e = equity[i] as number;
    if (e >= peak) {
      // a recovery closes the episode that started at the previous peak
      if (i - peakIndex > 1 && i - peakIndex > longestBars) {
        longestBars = i - peakIndex;
        longestMs = (timestamps[i] as number) - (timestamps[peakIndex] as number);
      }
      peak = e;
      peakIndex = i;
      continue;
    }
    underWater++;
    const depth = 1 - e / peak;
    if (depth > maxDrawdown) {
      maxDrawdown = depth;
      maxPeak = peakIndex;
      maxTrough = i;
    }
  }
  // an episode still open at the last bar is measured up to it
  if (n - 1 - peakIndex > longestBars) {
    longestBars = n - 1 - peakIndex;
    longestMs = (timestamps[n - 1] as number) - (timestamps[peakIndex] as number);
    longestOngoing = true;
  }

  let recovery = -1;
  if (maxDrawdown > 0) {
    const target = equity[maxPeak] as number;
    for (let i = maxTrough + 1; i < n; i++) {
      if ((equity[i] as number) >= target) {
        recovery = i;
        break;
      }
    }
  }
  return {
    maxDrawdown,
    maxDrawdownPeakIndex: maxPeak,
    maxDrawdownTroughIndex: maxTrough,
    maxDrawdownRecoveryIndex: recovery,
    longestDrawdownBars: longestBars,
    longestDrawdownMs: longestMs,
    longestDrawdownOngoing: longestOngoing,
    currentDrawdown: 1 - (equity[n - 1] as number) / peak,
    timeUnderWater: underWater / n,
  };
}

/** Drawdown per bar, 1 − E_i / max(E_0..E_i) (for drawdown charts). */
export function drawdownCurve(equity: ArrayLike<number>): Float64Array {
  const curve = new Float64Array(equity.length);
  let peak = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < equity.length; i++) {
    const e = equity[i] as number;
    if (e > peak) peak = e;
    curve[i] = 1 - e / peak;
  }
  return curve;
}
