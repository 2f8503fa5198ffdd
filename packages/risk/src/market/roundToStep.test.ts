import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '../__fixtures__/seededRandom.js';
import { InvalidArgumentError } from '../InvalidArgumentError.js';
import { roundDownToStep, roundPriceToTick, stepDecimals } from './roundToStep.js';

describe('stepDecimals', () => {
  it.each([
    [1, 0],
    [5, 0],
    [0.1, 1],
    [0.001, 3],
    [0.00001, 5],
    [0.25, 2],
    [1e-8, 8],
  ])('step %p has %p decimals', (step, decimals) => {
    expect(stepDecimals(step)).toBe(decimals);
  });
  it('rejects a zero step', () => {
    expect(() => stepDecimals(0)).toThrow(InvalidArgumentError);
  });
});

describe('roundDownToStep', () => {
  it.each([
    ['0.3 on step 0.1 stays 0.3 (0.3/0.1 is 2.9999999999999996 in binary)', 0.3, 0.1, 0.3],
    ['0.123456 on step 0.001 → 0.123', 0.123456, 0.001, 0.123],
    ['0.0999 on step 0.1 → 0', 0.0999, 0.1, 0],
    ['7 on step 5 → 5', 7, 5, 5],
    ['1.005 on step 0.01 → 1 (1.005 is 1.00499999999999989 in binary)', 1.005, 0.01, 1],
    ['0.7 on step 0.1 → 0.7', 0.7, 0.1, 0.7],
    ['a position on the step stays whole: 256.10092 on step 0.00001 (25610091.999999996 steps in binary)', 256.10092, 0.00001, 256.10092],
    ['negative → 0', -1, 0.1, 0],
    ['NaN → 0', Number.NaN, 0.1, 0],
  ])('%s', (_why, value, step, expected) => {
    expect(roundDownToStep(value, step)).toBe(expected);
  });

  it('never rounds up and lands on a clean decimal multiple, over 5000 seeded values', () => {
    const random = seededRandom(7);
    const steps = [0.1, 0.01, 0.001, 0.00001, 0.5, 1, 10];
    for (let i = 0; i < 5000; i++) {
      const step = steps[i % steps.length] ?? 1;
      const value = random() * 1000 * step;
      const rounded = roundDownToStep(value, step);
      expect(rounded).toBeLessThanOrEqual(value);
      expect(value - rounded).toBeLessThan(step * (1 + 1e-9));
      const decimals = stepDecimals(step);
      expect(rounded).toBe(Number(rounded.toFixed(decimals)));
    }
  });

  it('maps every multiple of the step to itself, up to 10^9 steps (a reduce-only exit leaves no dust)', () => {
    const random = seededRandom(8);
    for (const step of [0.00001, 0.001, 0.01, 0.5, 1]) {
      const decimals = stepDecimals(step);
      for (let i = 0; i < 2000; i++) {
        const multiple = Number((Math.floor(random() * 1e9) * step).toFixed(decimals));
        expect(roundDownToStep(multiple, step)).toBe(multiple);
      }
    }
  });
});

describe('roundPriceToTick', () => {
  it.each([
    ['a buy rounds down: 100.037 on tick 0.01 → 100.03', 100.037, 0.01, 'buy', 100.03],
    ['a sell rounds up: 100.031 on tick 0.01 → 100.04', 100.031, 0.01, 'sell', 100.04],
    ['a buy on the tick stays: 100.03', 100.03, 0.01, 'buy', 100.03],
    ['a sell on the tick stays: 100.03', 100.03, 0.01, 'sell', 100.03],
    ['a buy on tick 0.5: 27 123.4 → 27 123', 27123.4, 0.5, 'buy', 27123],
    ['a sell on tick 0.5: 27 123.1 → 27 123.5', 27123.1, 0.5, 'sell', 27123.5],
    ['a buy on a tick of a large price stays: 2 561 009.22 on tick 0.01', 2561009.22, 0.01, 'buy', 2561009.22],
    ['a sell on a tick of a large price stays: 2 561 009.22 on tick 0.01', 2561009.22, 0.01, 'sell', 2561009.22],
  ] as const)('%s', (_why, price, tick, side, expected) => {
    expect(roundPriceToTick(price, tick, side)).toBe(expected);
  });

  it('never gives a worse price than asked, over 5000 seeded prices', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 5000; i++) {
      const tick = [0.01, 0.1, 0.5, 0.0001][i % 4] ?? 0.01;
      const price = 1 + random() * 50_000;
      expect(roundPriceToTick(price, tick, 'buy')).toBeLessThanOrEqual(price);
      expect(roundPriceToTick(price, tick, 'sell')).toBeGreaterThanOrEqual(price);
      expect(roundPriceToTick(price, tick, 'sell') - roundPriceToTick(price, tick, 'buy')).toBeLessThanOrEqual(tick + 1e-9);
    }
  });
});
