import { requireNumber } from '../InvalidArgumentError.js';

/**
 * Annualizes a per-bar volatility for a market that trades around the clock:
 * σ_year = σ_bar × √barsPerYear (8760 hourly bars, 525600 minute bars, 365 daily bars).
 * Assumes independent returns (the square-root-of-time rule).
 */
export function annualizeVolatility(perBarVolatility: number, barsPerYear: number): number {
  requireNumber('perBarVolatility', perBarVolatility, 0);
  requireNumber('barsPerYear', barsPerYear, 0, true);
  return perBarVolatility * Math.sqrt(barsPerYear);
}

/**
 * Leverage (position notional / equity) at which the position's annualized volatility equals
 * `targetVolatility`: L = σ_target / (σ_bar × √barsPerYear), capped at `maxLeverage`.
 * A zero, negative or NaN volatility means no estimate yet and returns 0 (no position).
 *
 * @see Moreira & Muir (2017), "Volatility-Managed Portfolios", Journal of Finance 72(4).
 */
export function targetVolatilityLeverage(targetVolatility: number, perBarVolatility: number, barsPerYear: number, maxLeverage: number): number {
  requireNumber('targetVolatility', targetVolatility, 0);
  requireNumber('barsPerYear', barsPerYear, 0, true);
  requireNumber('maxLeverage', maxLeverage, 0);
  if (!(perBarVolatility > 0) || perBarVolatility === Number.POSITIVE_INFINITY) return 0;
  return Math.min(maxLeverage, targetVolatility / (perBarVolatility * Math.sqrt(barsPerYear)));
}
