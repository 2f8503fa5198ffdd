import { describe, expect, it } from '@jest/globals';
import type { Trade } from './Trade.js';
import { tradeStatistics } from './tradeStatistics.js';

function trade(pnl: number, extra: Partial<Trade> = {}): Trade {
  return { entryTime: 0, exitTime: 1, side: 'long', quantity: 2, entryPrice: 50, exitPrice: 50 + pnl / 2, pnl, fees: 1, returnPct: pnl / 100, ...extra };
}

describe('tradeStatistics on pnl [10, 20, −5, −5, −5, 0, 15]', () => {
  // wins 10, 20, 15 (Σ 45); losses −5 × 3 (Σ 15); one break-even; total 30 over 7 trades
  const s = tradeStatistics([10, 20, -5, -5, -5, 0, 15].map((p) => trade(p)));

  it.each([
    ['numberOfTrades', 7],
    ['winRate', 3 / 7],
    ['profitFactor', 45 / 15],
    ['expectancy', 30 / 7],
    ['averageWin', 15],
    ['averageLoss', -5],
    ['payoffRatio', 3],
    ['bestTrade', 20],
    ['worstTrade', -5],
    ['longestWinStreak', 2],
    ['longestLossStreak', 3],
    ['feesPaid', 7],
  ] as const)('%s = %d', (key, expected) => {
    expect(s[key]).toBeCloseTo(expected, 12);
  });

  it('leaves expectancy in R unset unless every trade has a risk', () => {
    expect(s.expectancyR).toBeNull();
  });
});

describe('tradeStatistics special cases', () => {
  it('gives an infinite profit factor and payoff ratio when all trades win', () => {
    const s = tradeStatistics([trade(3), trade(1)]);
    expect([s.winRate, s.profitFactor, s.payoffRatio, s.averageLoss]).toEqual([1, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 0]);
  });

  it('gives a zero profit factor when all trades lose', () => {
    const s = tradeStatistics([trade(-3), trade(-1)]);
    expect([s.winRate, s.profitFactor, s.payoffRatio, s.longestLossStreak]).toEqual([0, 0, 0, 2]);
  });

  it('computes expectancy in R multiples: (20/10 − 10/10 + 30/15) / 3 = 1', () => {
    const s = tradeStatistics([trade(20, { risk: 10 }), trade(-10, { risk: 10 }), trade(30, { risk: 15 })]);
    expect(s.expectancyR).toBeCloseTo(1, 12);
  });

  it('rejects a trade with a non-finite field or an exit before its entry', () => {
    expect(() => tradeStatistics([trade(1), trade(1, { pnl: Number.NaN })])).toThrow('Invalid "trades.1.pnl": expected a finite number, received "NaN".');
    expect(() => tradeStatistics([trade(1, { entryTime: 10, exitTime: 5 })])).toThrow('Invalid "trades.0.exitTime": expected >= entryTime (10), received "5".');
  });

  it('sums the notional of both legs: 2 × (50 + 55) = 210', () => {
    expect(tradeStatistics([trade(10)]).tradedNotional).toBe(210);
  });
});
