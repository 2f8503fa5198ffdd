import { describe, expect, it } from '@jest/globals';
import { btcHourly } from './__fixtures__/series.js';
import { EwmaVolatility } from './EwmaVolatility.js';
import { InvalidParameterError } from './InvalidParameterError.js';
import { periodsPerYear } from './periodsPerYear.js';
import { RealizedVolatility } from './RealizedVolatility.js';

describe('periodsPerYear (24/7 market)', () => {
  it.each([
    ['1h', 8760],
    ['4h', 2190],
    ['1d', 365],
    ['15m', 35040],
    ['1m', 525600],
  ])('%s → %i bars a year', (timeframe, expected) => {
    expect(periodsPerYear(timeframe)).toBe(expected);
  });

  it('rejects a malformed timeframe', () => {
    expect(() => periodsPerYear('hourly')).toThrow('Invalid "timeframe"');
  });
});

describe('RealizedVolatility', () => {
  it('by hand: prices 100, 110, 99 → log returns ln 1.1, ln 0.9; sample σ = |ln 1.1 − ln 0.9| / √2; × √365', () => {
    const out = RealizedVolatility.fromBatch(Float64Array.of(100, 110, 99), { period: 2, periodsPerYear: 365 });
    const sigma = Math.abs(Math.log(1.1) - Math.log(0.9)) / Math.SQRT2;
    expect(out[2]).toBeCloseTo(sigma * Math.sqrt(365), 12);
  });

  it('equals the two-pass sample σ of the last 24 hourly log returns × √8760 on BTC', () => {
    const close = btcHourly().close.subarray(0, 3000);
    const out = RealizedVolatility.fromBatch(close, { period: 24, periodsPerYear: periodsPerYear('1h') });
    for (let i = 24; i < close.length; i += 101) {
      const r = Array.from({ length: 24 }, (_, j) => Math.log((close[i - j] as number) / (close[i - j - 1] as number)));
      const mean = r.reduce((a, b) => a + b, 0) / 24;
      const sigma = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / 23);
      expect(Math.abs((out[i] as number) / (sigma * Math.sqrt(8760)) - 1)).toBeLessThan(1e-9);
    }
  });

  it('rejects a period of 1 (no sample deviation of one return)', () => {
    expect(() => new RealizedVolatility({ period: 1 })).toThrow(InvalidParameterError);
  });
});

describe('EwmaVolatility', () => {
  it('RiskMetrics recursion by hand: seed = mean r² of 2 returns, then λσ² + (1 − λ)r²', () => {
    const prices = Float64Array.of(100, 101, 99, 102);
    const r = [Math.log(1.01), Math.log(99 / 101), Math.log(102 / 99)];
    const seed = ((r[0] as number) ** 2 + (r[1] as number) ** 2) / 2;
    const next = 0.9 * seed + 0.1 * (r[2] as number) ** 2;
    const out = EwmaVolatility.fromBatch(prices, { lambda: 0.9, seedPeriod: 2, periodsPerYear: 1 });
    expect(out[2]).toBeCloseTo(Math.sqrt(seed), 14);
    expect(out[3]).toBeCloseTo(Math.sqrt(next), 14);
  });

  it.each([0, 1, 1.5])('rejects lambda %p', (lambda) => {
    expect(() => new EwmaVolatility({ lambda })).toThrow('Invalid "lambda"');
  });
});
