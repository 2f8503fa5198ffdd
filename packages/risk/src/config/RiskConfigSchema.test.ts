import { describe, expect, it } from '@jest/globals';
import { RiskConfigError } from '../RiskConfigError.js';
import { parseRiskConfig } from './parseRiskConfig.js';
import { RiskConfigSchema } from './RiskConfigSchema.js';

describe('RiskConfigSchema', () => {
  it('fills every documented default from {}', () => {
    expect(RiskConfigSchema.parse({})).toEqual({
      limits: {
        maxDrawdown: 0.2,
        flattenOnMaxDrawdown: false,
        maxDailyLoss: 0.05,
        maxPositionFraction: 1,
        maxLeverage: 1,
        maxOpenOrders: 10,
        maxOrdersPerWindow: 10,
        orderRateWindowMs: 1000,
        maxConsecutiveLosses: 3,
        lossCooldownMs: 3_600_000,
        stopOutCooldownMs: 0,
      },
      sizing: { method: 'fixed-fraction', fraction: 0.1, basis: 'equity' },
      stops: {},
      market: { minNotional: 0, minQuantity: 0 },
      killSwitch: { flatten: false },
    });
  });

  it.each([
    ['kelly', { method: 'kelly' }, { method: 'kelly', multiplier: 0.5, cap: 0.25 }],
    ['target-volatility', { method: 'target-volatility' }, { method: 'target-volatility', targetVolatility: 0.2, barsPerYear: 8760 }],
    ['risk-per-trade', { method: 'risk-per-trade' }, { method: 'risk-per-trade', riskFraction: 0.01 }],
  ])('fills the %s sizing defaults', (_name, sizing, expected) => {
    expect(RiskConfigSchema.parse({ sizing }).sizing).toEqual(expected);
  });

  it('fills the ATR period default of 14 bars', () => {
    expect(RiskConfigSchema.parse({ stops: { stopLoss: { type: 'atr', multiple: 2 } } }).stops.stopLoss).toEqual({ type: 'atr', multiple: 2, period: 14 });
  });

  it('fills break-even defaults', () => {
    expect(RiskConfigSchema.parse({ stops: { breakEven: {} } }).stops.breakEven).toEqual({ triggerR: 1, offset: 0 });
  });
});

describe('parseRiskConfig', () => {
  it.each([
    ['an unknown sizing method', { sizing: { method: 'martingale' } }, 'sizing.method'],
    ['a percent number where a fraction is expected', { stops: { stopLoss: { type: 'percent', fraction: 2 } } }, 'stops.stopLoss.fraction'],
    ['a non-integer order window', { limits: { orderRateWindowMs: 1.5 } }, 'limits.orderRateWindowMs'],
    ['a zero lot step', { market: { quantityStep: 0 } }, 'market.quantityStep'],
    ['a fractional ATR period', { stops: { stopLoss: { type: 'atr', multiple: 2, period: 2.5 } } }, 'stops.stopLoss.period'],
    [
      'ATR stops of different periods (a proposal carries one ATR)',
      { stops: { stopLoss: { type: 'atr', multiple: 2, period: 14 }, takeProfit: { type: 'atr', multiple: 3, period: 20 } } },
      'stops.takeProfit.period',
    ],
  ])('rejects %s with a RiskConfigError naming the path', (_why, input, path) => {
    try {
      parseRiskConfig(input);
      throw new Error('expected a throw');
    } catch (error) {
      expect(RiskConfigError.isInstance(error)).toBe(true);
      expect((error as RiskConfigError).paths).toEqual([path]);
      expect((error as Error).message).toMatch(new RegExp(`^Invalid "${path.replace(/\./g, '\\.')}" in risk config: .+, received ".*"\\.$`));
    }
  });
});
