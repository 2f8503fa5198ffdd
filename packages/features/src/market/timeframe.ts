import { InvalidTimeframeError } from './InvalidTimeframeError.js';

const UNIT_MS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * The length of a timeframe in milliseconds: `'15m'` → 900000, `'1d'` → 86400000.
 * Days are 24 h of UTC (epoch time has no leap seconds).
 *
 * @throws InvalidTimeframeError for anything else (`'0m'`, `'1w'`, `'1.5h'`, `' 1h'`).
 */
export function timeframeToMs(timeframe: string, argument = 'timeframe'): number {
  const match = /^([1-9][0-9]*)([smhd])$/.exec(timeframe);
  const unit = match === null ? undefined : UNIT_MS[match[2] as string];
  const ms = unit === undefined ? Number.NaN : Number(match?.[1]) * unit;
  if (!Number.isSafeInteger(ms)) {
    throw new InvalidTimeframeError({
      argument,
      message: `Invalid "${argument}": expected a positive integer followed by s, m, h or d (e.g. "5m", "4h", "1d"), received "${timeframe}".`,
    });
  }
  return ms;
}
