import { describe, expect, it } from '@jest/globals';
import { InvalidTimeframeError } from './InvalidTimeframeError.js';
import { timeframeToMs } from './timeframe.js';

describe('timeframeToMs', () => {
  it.each([
    ['1s', 1_000],
    ['1m', 60 * 1_000],
    ['5m', 5 * 60 * 1_000],
    ['15m', 15 * 60 * 1_000],
    ['1h', 60 * 60 * 1_000],
    ['4h', 4 * 60 * 60 * 1_000],
    ['1d', 24 * 60 * 60 * 1_000],
    ['90m', 90 * 60 * 1_000],
    ['3d', 3 * 24 * 60 * 60 * 1_000],
  ])('reads %s as %d ms', (timeframe, ms) => {
    expect(timeframeToMs(timeframe)).toBe(ms);
  });

  it.each(['', '0m', '1w', '1.5h', ' 1h', '1H', 'h', '-1m', '01m', '1e3m', '99999999999999999d'])(
    'rejects "%s" with a typed error',
    (timeframe) => {
      expect(() => timeframeToMs(timeframe)).toThrow(InvalidTimeframeError);
      expect(() => timeframeToMs(timeframe)).toThrow(
        `Invalid "timeframe": expected a positive integer followed by s, m, h or d (e.g. "5m", "4h", "1d"), received "${timeframe}".`,
      );
    },
  );
});
