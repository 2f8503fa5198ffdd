import type { Trade } from './Trade.js';

/**
 * Fraction of bars holding a position. With a `position` array (one value per bar, any non-zero
 * size counts) it is the share of non-zero entries; otherwise bar i counts when some trade has
 * entryTime ≤ t_i < exitTime (the position is held over the bar that starts at t_i).
 */
export function exposureTime(timestamps: ArrayLike<number>, trades: readonly Trade[], position?: ArrayLike<number>): number {
  const n = timestamps.length;
  if (n === 0) return 0;
  let held = 0;
  if (position !== undefined) {
    for (let i = 0; i < n; i++) if (position[i] !== 0) held++;
    return held / n;
  }
  const covered = new Uint8Array(n);
  for (const t of trades) {
    for (let i = lowerBound(timestamps, t.entryTime); i < n && (timestamps[i] as number) < t.exitTime; i++) covered[i] = 1;
  }
  for (let i = 0; i < n; i++) held += covered[i] as number;
  return held / n;
}

/** First index with timestamps[i] ≥ value (binary search over ascending timestamps). */
function lowerBound(timestamps: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = timestamps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((timestamps[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
