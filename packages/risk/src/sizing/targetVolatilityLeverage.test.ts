import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from '../InvalidArgumentError.js';
import { annualizeVolatility, targetVolatilityLeverage } from './targetVolatilityLeverage.js';

describe('annualizeVolatility', () => {
  it('scales hourly σ by √8760: 0.01 × 93.5949 = 0.935949', () => {
    expect(annualizeVolatility(0.01, 8760)).toBeCloseTo(0.935949, 6);
  });
  it('scales daily σ on a 24/7 market by √365: 0.05 × 19.10497 = 0.955249', () => {
    expect(annualizeVolatility(0.05, 365)).toBeCloseTo(0.955249, 6);
  });
});

describe('targetVolatilityLeverage', () => {
  it('sizes hourly σ=0.005 to a 20 % target: 0.2 / (0.005 × √8760 = 0.467974) = 0.427374', () => {
    expect(targetVolatilityLeverage(0.2, 0.005, 8760, 10)).toBeCloseTo(0.427374, 6);
  });
  it('sizes daily σ=0.01 on 365 bars to a 40 % target: 0.4 / (0.01 × 19.104973) = 2.093696', () => {
    expect(targetVolatilityLeverage(0.4, 0.01, 365, 5)).toBeCloseTo(2.093696, 6);
  });
  it('caps the leverage at maxLeverage when volatility is tiny: 0.2 / (0.0001 × 93.59) = 21.4 → 1', () => {
    expect(targetVolatilityLeverage(0.2, 0.0001, 8760, 1)).toBe(1);
  });
  it.each([
    ['zero', 0],
    ['NaN', Number.NaN],
    ['negative', -0.01],
    ['infinite', Number.POSITIVE_INFINITY],
  ])('returns 0 for %s volatility (no estimate, no position)', (_why, sigma) => {
    expect(targetVolatilityLeverage(0.2, sigma, 8760, 3)).toBe(0);
  });
  it('rejects a non-positive barsPerYear with a typed error', () => {
    expect(() => targetVolatilityLeverage(0.2, 0.01, 0, 1)).toThrow(InvalidArgumentError);
  });
});
