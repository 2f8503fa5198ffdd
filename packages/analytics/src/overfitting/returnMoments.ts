import { InvalidArgumentError } from '../InvalidArgumentError.js';

/** Per-period Sharpe ratio and higher moments of a return series, as the PSR/DSR formulas need them. */
export interface ReturnMoments {
  /** Non-annualized Sharpe ratio: mean / sample stdev (n − 1). */
  readonly sharpeRatio: number;
  /** Sample skewness m3 / m2^1.5 (population moments; 0 for a normal law). */
  readonly skewness: number;
  /** Sample kurtosis m4 / m2² (NOT excess: 3 for a normal law). */
  readonly kurtosis: number;
  readonly observations: number;
}

/** Moments of `returns` (at least 2 values, not all equal). */
export function returnMoments(returns: ArrayLike<number>): ReturnMoments {
  const n = returns.length;
  if (n < 2) {
    throw new InvalidArgumentError({ argument: 'returns', message: `Invalid "returns": expected at least 2 values, received "${n}".` });
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += returns[i] as number;
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (returns[i] as number) - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  if (m2 === 0) {
    throw new InvalidArgumentError({ argument: 'returns', message: 'Invalid "returns": expected some variation, received constant values.' });
  }
  const sampleStdev = Math.sqrt(m2 / (n - 1));
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return { sharpeRatio: mean / sampleStdev, skewness: m3 / m2 ** 1.5, kurtosis: m4 / (m2 * m2), observations: n };
}
