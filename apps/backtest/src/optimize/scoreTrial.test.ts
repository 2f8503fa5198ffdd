import { describe, expect, it } from '@jest/globals';
import { scoreTrial, type TrialMetrics, type TrialObjective } from './scoreTrial.js';

const metrics: TrialMetrics = { totalReturn: 0.3, cagr: 0.12, sharpeRatio: 1.5, sortinoRatio: 2.1, calmarRatio: 0.8, maxDrawdown: 0.15, numberOfTrades: 20 };
const loose = { minTrades: 5, maxDrawdown: 0.5 };

describe('scoreTrial', () => {
  it.each<[TrialObjective, number]>([
    ['sharpe', 1.5],
    ['sortino', 2.1],
    ['calmar', 0.8],
    // 0.3 / 0.15 = 2
    ['return-over-drawdown', 2],
  ])('scores the %s objective as %d', (objective, expected) => {
    const { score, violations } = scoreTrial(metrics, objective, loose);
    expect(score).toBeCloseTo(expected, 12);
    expect(violations).toEqual([]);
  });

  it('scores return-over-drawdown without drawdown as the return itself', () => {
    expect(scoreTrial({ ...metrics, maxDrawdown: 0 }, 'return-over-drawdown', loose).score).toBe(0.3);
  });

  it.each([
    ['too few trades', { numberOfTrades: 4 }, ['trades 4 < minTrades 5']],
    ['a drawdown beyond the limit', { maxDrawdown: 0.6 }, ['maxDrawdown 0.6000 > 0.5']],
    ['both', { numberOfTrades: 0, maxDrawdown: 0.75 }, ['trades 0 < minTrades 5', 'maxDrawdown 0.7500 > 0.5']],
  ])('scores a trial with %s as -Infinity and names each violation', (_label, change, expected) => {
    const { score, violations } = scoreTrial({ ...metrics, ...change }, 'sharpe', loose);
    expect(score).toBe(Number.NEGATIVE_INFINITY);
    expect(violations).toEqual(expected);
  });

  it('scores a NaN objective as -Infinity, so it never wins', () => {
    expect(scoreTrial({ ...metrics, sharpeRatio: Number.NaN }, 'sharpe', loose).score).toBe(Number.NEGATIVE_INFINITY);
  });

  it('scores with a custom objective function, constraints still applying', () => {
    const penalized = (m: TrialMetrics): number => m.totalReturn - 2 * m.maxDrawdown;
    // 0.5 - 2 × 0.15 = 0.2
    expect(scoreTrial({ ...metrics, totalReturn: 0.5 }, penalized, loose).score).toBeCloseTo(0.2, 12);
    expect(scoreTrial({ ...metrics, numberOfTrades: 1 }, penalized, loose).score).toBe(Number.NEGATIVE_INFINITY);
  });
});
