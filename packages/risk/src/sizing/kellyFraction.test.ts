import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from '../InvalidArgumentError.js';
import { fractionalKelly, kellyFraction } from './kellyFraction.js';

describe('kellyFraction', () => {
  it.each([
    // f* = p − (1 − p) / b
    ['p=0.55 b=1.5: 0.55 − 0.45/1.5 = 0.55 − 0.30 = 0.25', 0.55, 1.5, 0.25],
    ['p=0.6 b=1 (even money): 0.6 − 0.4/1 = 0.2', 0.6, 1, 0.2],
    ['p=0.4 b=2: 0.4 − 0.6/2 = 0.1', 0.4, 2, 0.1],
    ['p=0.5 b=3: 0.5 − 0.5/3 = 1/3', 0.5, 3, 1 / 3],
    ['p=1 (certain win): 1 − 0/b = 1', 1, 0.5, 1],
  ])('%s', (_why, p, b, expected) => {
    expect(kellyFraction(p, b)).toBeCloseTo(expected, 12);
  });

  it.each([
    ['zero edge p=0.5 b=1: 0.5 − 0.5/1 = 0', 0.5, 1],
    ['negative edge p=0.4 b=1: 0.4 − 0.6 = −0.2 → 0', 0.4, 1],
    ['p=0 always loses → 0', 0, 5],
    ['payoff 0 never pays → 0', 0.9, 0],
    ['p=1 with payoff 0 still pays nothing → 0', 1, 0],
  ])('returns 0, never a negative size, for %s', (_why, p, b) => {
    expect(kellyFraction(p, b)).toBe(0);
  });

  it.each([
    ['winProbability', -0.1, 1],
    ['winProbability', 1.01, 1],
    ['winProbability', Number.NaN, 1],
    ['payoffRatio', 0.5, -1],
    ['payoffRatio', 0.5, Number.NaN],
  ])('rejects a bad %s with a typed error', (argument, p, b) => {
    try {
      kellyFraction(p, b);
      throw new Error('expected a throw');
    } catch (error) {
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect((error as InvalidArgumentError).argument).toBe(argument);
      expect((error as Error).message).toMatch(new RegExp(`^Invalid "${argument}": expected .*, received ".*"\\.$`));
    }
  });
});

describe('fractionalKelly', () => {
  it('halves full Kelly: p=0.55 b=1.5 → 0.5 × 0.25 = 0.125', () => {
    expect(fractionalKelly(0.55, 1.5, 0.5, 1)).toBeCloseTo(0.125, 12);
  });
  it('caps an over-confident bet: p=0.9 b=2 → 0.9 − 0.1/2 = 0.85, half = 0.425, cap 0.25', () => {
    expect(fractionalKelly(0.9, 2, 0.5, 0.25)).toBe(0.25);
  });
  it('keeps zero edge at 0', () => {
    expect(fractionalKelly(0.3, 1, 0.5, 0.25)).toBe(0);
  });
});
