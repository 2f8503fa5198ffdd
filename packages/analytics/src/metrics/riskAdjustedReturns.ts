import { mean, safeRatio, sampleStdev } from '../math.js';

/** How per-bar returns are annualized. */
export interface AnnualizationOptions {
  /** Bars per year; crypto trades 24/7: 8760 for 1h bars, 365 for 1d bars. */
  readonly periodsPerYear: number;
  /** Annual risk-free rate as a fraction (0.04 = 4 %); default 0. */
  readonly riskFreeRate?: number;
}

/**
 * Per-bar risk-free rate, compounded: (1 + R)^(1 / periodsPerYear) − 1.
 */
export function perBarRiskFreeRate(options: AnnualizationOptions): number {
  return (1 + (options.riskFreeRate ?? 0)) ** (1 / options.periodsPerYear) - 1;
}

/**
 * Annualized volatility: sample standard deviation (n − 1) of per-bar simple returns × √periodsPerYear.
 * 0 for fewer than two returns.
 */
export function annualizedVolatility(returns: ArrayLike<number>, options: AnnualizationOptions): number {
  return sampleStdev(returns) * Math.sqrt(options.periodsPerYear);
}

/**
 * Annualized Sharpe ratio: mean(r − r_f) / stdev(r) × √periodsPerYear, stdev the sample one (n − 1).
 * No variation: 0 when the mean excess return is 0 too, else ±Infinity.
 * @see W. F. Sharpe, "The Sharpe Ratio", Journal of Portfolio Management, 1994.
 */
export function sharpeRatio(returns: ArrayLike<number>, options: AnnualizationOptions): number {
  if (returns.length === 0) return 0;
  const excess = mean(returns) - perBarRiskFreeRate(options);
  return safeRatio(excess, sampleStdev(returns)) * Math.sqrt(options.periodsPerYear);
}

/**
 * Annualized Sortino ratio: mean(r − r_f) / DD × √periodsPerYear, with the downside deviation taken
 * over ALL n periods with target 0: DD = √(Σ min(r_i, 0)² / n). No downside: 0 or ±Infinity as for Sharpe.
 * @see F. A. Sortino, L. N. Price, "Performance Measurement in a Downside Risk Framework", Journal of Investing, 1994.
 */
export function sortinoRatio(returns: ArrayLike<number>, options: AnnualizationOptions): number {
  const n = returns.length;
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = returns[i] as number;
    if (r < 0) sum += r * r;
  }
  const excess = mean(returns) - perBarRiskFreeRate(options);
  return safeRatio(excess, Math.sqrt(sum / n)) * Math.sqrt(options.periodsPerYear);
}
