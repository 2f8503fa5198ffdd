import { timeframeToMs } from '../market/timeframe.js';

const YEAR_MS = 365 * 86_400_000;

/**
 * Bars per year for a 24/7 market (crypto): 365 days of `timeframe` bars, e.g. '1h' → 8760, '1d' → 365,
 * '5m' → 105120. Used to annualize volatility: σ_annual = σ_bar · √periodsPerYear.
 * @throws InvalidTimeframeError for a malformed timeframe.
 */
export function periodsPerYear(timeframe: string): number {
  return YEAR_MS / timeframeToMs(timeframe);
}
