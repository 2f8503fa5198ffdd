import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from '../InvalidArgumentError.js';
import { fixedFractionQuantity } from './fixedFractionQuantity.js';
import { riskPerTradeQuantity } from './riskPerTradeQuantity.js';

describe('riskPerTradeQuantity', () => {
  it('risks 1 % of 10 000 over a 2 × ATR(150) = 300 stop: 100 / 300 = 0.3333', () => {
    expect(riskPerTradeQuantity(10_000, 0.01, 2 * 150)).toBeCloseTo(1 / 3, 12);
  });
  it('risks 2 % of 50 000 over a 500 stop: 1000 / 500 = 2', () => {
    expect(riskPerTradeQuantity(50_000, 0.02, 500)).toBe(2);
  });
  it.each([
    ['stop distance 0', 10_000, 0],
    ['stop distance NaN', 10_000, Number.NaN],
    ['negative stop distance', 10_000, -5],
    ['equity 0', 0, 100],
    ['negative equity', -1_000, 100],
  ])('returns 0, never NaN or negative, for %s', (_why, equity, distance) => {
    expect(riskPerTradeQuantity(equity, 0.01, distance)).toBe(0);
  });
});

describe('fixedFractionQuantity', () => {
  it('puts 10 % of 20 000 into a 40 000 asset: 2000 / 40 000 = 0.05', () => {
    expect(fixedFractionQuantity(20_000, 0.1, 40_000)).toBe(0.05);
  });
  it.each([
    ['base 0', 0],
    ['negative base', -50],
    ['NaN base', Number.NaN],
  ])('returns 0 for %s', (_why, base) => {
    expect(fixedFractionQuantity(base, 0.1, 100)).toBe(0);
  });
  it('rejects a zero price with a typed error', () => {
    expect(() => fixedFractionQuantity(1000, 0.1, 0)).toThrow('Invalid "price": expected a finite number > 0, received "0".');
  });
  it('rejects with the InvalidArgumentError marker', () => {
    expect(() => fixedFractionQuantity(1000, -0.1, 10)).toThrow(InvalidArgumentError);
  });
});
