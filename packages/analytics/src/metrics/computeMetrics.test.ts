import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from '../InvalidArgumentError.js';
import { SeededRandom } from '../SeededRandom.js';
import { computeMetrics, MS_PER_YEAR } from './computeMetrics.js';
import type { Trade } from './Trade.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

function curve(values: number[], spacing: number): { timestamps: Float64Array; equity: Float64Array } {
  return { timestamps: Float64Array.from(values, (_, i) => i * spacing), equity: Float64Array.from(values) };
}

function trade(pnl: number, extra: Partial<Trade> = {}): Trade {
  return { entryTime: 0, exitTime: 1, side: 'long', quantity: 1, entryPrice: 100, exitPrice: 100 + pnl, pnl, fees: 0, returnPct: pnl / 100, ...extra };
}

describe('computeMetrics on equity [100, 110, 99, 120] spread over exactly one year (3 bars a year)', () => {
  // returns: 110/100 − 1 = 0.1, 99/110 − 1 = −0.1, 120/99 − 1 = 21/99
  // mean = (0.1 − 0.1 + 21/99) / 3 = 7/99
  // deviations ×99: 2.9, −16.9, 14 → Σd² = (8.41 + 285.61 + 196) / 99² = 490.02 / 99², sample var = 245.01 / 99²
  // per-bar Sharpe = (7/99) / (√245.01 / 99) = 7 / √245.01
  // downside deviation over all 3 bars: √(0.1² / 3); Sortino per bar = (7/99) / √(0.01/3)
  const m = computeMetrics({ ...curve([100, 110, 99, 120], MS_PER_YEAR / 3), trades: [] }, { periodsPerYear: 3 });

  it.each([
    ['totalReturn', '120 / 100 − 1', 0.2],
    ['cagr', 'one calendar year elapsed, so equal to the total return', 0.2],
    ['annualizedVolatility', '√245.01 / 99 × √3', (Math.sqrt(245.01) / 99) * Math.sqrt(3)],
    ['sharpeRatio', '7 / √245.01 × √3', (7 / Math.sqrt(245.01)) * Math.sqrt(3)],
    ['sortinoRatio', '(7/99) / √(0.01/3) × √3', (7 / 99 / Math.sqrt(0.01 / 3)) * Math.sqrt(3)],
    ['maxDrawdown', '110 → 99', 0.1],
    ['calmarRatio', '0.2 / 0.1', 2],
    ['timeUnderWater', '1 of 4 bars', 0.25],
  ] as const)('%s = %s', (key, _formula, expected) => {
    expect(m[key]).toBeCloseTo(expected, 12);
  });

  it('locates the drawdown: peak at bar 1, trough at bar 2, recovered at bar 3, 2 bars long', () => {
    expect([m.maxDrawdownPeakIndex, m.maxDrawdownTroughIndex, m.maxDrawdownRecoveryIndex]).toEqual([1, 2, 3]);
    expect([m.longestDrawdownBars, m.longestDrawdownMs, m.longestDrawdownOngoing]).toEqual([2, (2 * MS_PER_YEAR) / 3, false]);
    expect(m.currentDrawdown).toBe(0);
  });

  it('subtracts a compounded per-bar risk-free rate in the Sharpe numerator', () => {
    const withRate = computeMetrics({ ...curve([100, 110, 99, 120], MS_PER_YEAR / 3), trades: [] }, { periodsPerYear: 3, riskFreeRate: 0.331 });
    const rf = 1.331 ** (1 / 3) - 1; // 0.1 per bar exactly
    expect(rf).toBeCloseTo(0.1, 12);
    expect(withRate.sharpeRatio).toBeCloseTo(((7 / 99 - 0.1) / (Math.sqrt(245.01) / 99)) * Math.sqrt(3), 10);
  });
});

describe('computeMetrics drawdowns', () => {
  it('reports a drawdown still open at the last bar as ongoing', () => {
    const m = computeMetrics({ ...curve([100, 120, 90, 100], DAY), trades: [] }, { periodsPerYear: 365 });
    expect(m.maxDrawdown).toBeCloseTo(0.25, 12); // 1 − 90/120
    expect(m.maxDrawdownRecoveryIndex).toBe(-1);
    expect([m.longestDrawdownBars, m.longestDrawdownMs, m.longestDrawdownOngoing]).toEqual([2, 2 * DAY, true]);
    expect(m.currentDrawdown).toBeCloseTo(1 - 100 / 120, 12);
  });

  it('takes the longest episode, which need not be the deepest', () => {
    // episode A: 100 → 80 → 100 (2 bars, 20 %); episode B: 100 → 99 → 99 → 99 → 101 (4 bars, 1 %)
    const m = computeMetrics({ ...curve([100, 80, 100, 99, 99, 99, 101], HOUR), trades: [] }, { periodsPerYear: 8760 });
    expect(m.maxDrawdown).toBeCloseTo(0.2, 12);
    expect([m.maxDrawdownPeakIndex, m.maxDrawdownRecoveryIndex]).toEqual([0, 2]);
    expect([m.longestDrawdownBars, m.longestDrawdownMs, m.longestDrawdownOngoing]).toEqual([4, 4 * HOUR, false]);
    expect(m.timeUnderWater).toBeCloseTo(4 / 7, 12);
  });
});

describe('computeMetrics edge cases', () => {
  it('gives zeros, not NaN, for flat equity (no variation: Sharpe and Sortino are 0)', () => {
    const m = computeMetrics({ ...curve([100, 100, 100], DAY), trades: [] }, { periodsPerYear: 365 });
    expect([m.totalReturn, m.cagr, m.annualizedVolatility, m.sharpeRatio, m.sortinoRatio, m.maxDrawdown, m.calmarRatio]).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('handles a single bar: no returns, no elapsed time, all return figures 0', () => {
    const m = computeMetrics({ ...curve([250], DAY), trades: [] }, { periodsPerYear: 365 });
    expect(m.bars).toBe(1);
    expect([m.totalReturn, m.cagr, m.annualizedVolatility, m.sharpeRatio, m.sortinoRatio, m.maxDrawdown, m.turnover, m.exposureTime]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('gives an infinite Sortino and Calmar to a curve that never falls', () => {
    const m = computeMetrics({ ...curve([100, 101, 103, 104], DAY), trades: [] }, { periodsPerYear: 365 });
    expect(m.sortinoRatio).toBe(Number.POSITIVE_INFINITY);
    expect(m.calmarRatio).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isFinite(m.sharpeRatio) && m.sharpeRatio > 0).toBe(true);
  });

  it('has neutral trade statistics without trades (expectancy in R unavailable)', () => {
    const m = computeMetrics({ ...curve([100, 101], DAY), trades: [] }, { periodsPerYear: 365 });
    expect([m.numberOfTrades, m.winRate, m.profitFactor, m.expectancy, m.averageWin, m.averageLoss, m.feesPaid]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(m.expectancyR).toBeNull();
  });
});

describe('computeMetrics exposure and turnover', () => {
  const { timestamps, equity } = curve([100, 100, 100, 100, 100, 100, 100, 100, 100, 100], HOUR);
  const trades = [trade(5, { entryTime: 2 * HOUR, exitTime: 5 * HOUR }), trade(-2, { entryTime: 7 * HOUR, exitTime: 9 * HOUR })];

  it('derives exposure from trades: bars 2, 3, 4 and 7, 8 held of 10 bars', () => {
    expect(computeMetrics({ timestamps, equity, trades }, { periodsPerYear: 8760 }).exposureTime).toBe(0.5);
  });

  it('prefers an explicit position array (non-zero = exposed)', () => {
    const position = Float64Array.from([0, 1, -1, 0, 0, 0, 0, 0, 0, 2]);
    expect(computeMetrics({ timestamps, equity, trades, position }, { periodsPerYear: 8760 }).exposureTime).toBe(0.3);
  });

  it('annualizes turnover by calendar time: notional of both legs / mean equity / years', () => {
    // trades: 1 × (100 + 105) + 1 × (100 + 98) = 403 of notional; mean equity 100; 9 hours elapsed
    const m = computeMetrics({ timestamps, equity, trades }, { periodsPerYear: 8760 });
    expect(m.tradedNotional).toBe(403);
    expect(m.turnover).toBeCloseTo(403 / 100 / ((9 * HOUR) / MS_PER_YEAR), 6);
  });
});

describe('computeMetrics rejects bad input with the argument named', () => {
  it.each([
    [{ timestamps: new Float64Array(0), equity: new Float64Array(0) }, 'Invalid "equity": expected at least 1 value'],
    [{ timestamps: Float64Array.from([0, 1]), equity: Float64Array.from([100]) }, 'Invalid "timestamps": expected one per equity value (1), received "2".'],
    [{ timestamps: Float64Array.from([0, 1]), equity: Float64Array.from([100, -1]) }, 'Invalid "equity.1": expected a finite number > 0, received "-1".'],
    [{ timestamps: Float64Array.from([5, 5]), equity: Float64Array.from([100, 101]) }, 'Invalid "timestamps.1": expected finite epoch ms, strictly increasing, received "5" after "5".'],
  ])('case %#', (series, message) => {
    expect(() => computeMetrics({ ...series, trades: [] }, { periodsPerYear: 365 })).toThrow(message);
  });

  it('rejects a non-positive periodsPerYear with a typed error', () => {
    let caught: unknown;
    try {
      computeMetrics({ ...curve([1, 2], DAY), trades: [] }, { periodsPerYear: 0 });
    } catch (error) {
      caught = error;
    }
    expect(InvalidArgumentError.isInstance(caught)).toBe(true);
    expect((caught as InvalidArgumentError).argument).toBe('options.periodsPerYear');
    expect((caught as Error).message).toMatch(/^Invalid "options.periodsPerYear": .*received "0"\.$/);
  });
});

describe('computeMetrics agrees with a plain reference implementation on seeded random curves', () => {
  // Written independently of the package: arrays, reduce, and an O(n²) drawdown.
  function reference(equity: number[], periodsPerYear: number) {
    const r = equity.slice(1).map((e, i) => e / (equity[i] as number) - 1);
    const avg = r.reduce((a, b) => a + b, 0) / r.length;
    const sd = Math.sqrt(r.reduce((a, b) => a + (b - avg) ** 2, 0) / (r.length - 1));
    const dd = Math.sqrt(r.reduce((a, b) => a + Math.min(b, 0) ** 2, 0) / r.length);
    let maxDd = 0;
    for (let i = 0; i < equity.length; i++) {
      const peak = Math.max(...equity.slice(0, i + 1));
      maxDd = Math.max(maxDd, (peak - (equity[i] as number)) / peak);
    }
    return { sharpe: (avg / sd) * Math.sqrt(periodsPerYear), sortino: (avg / dd) * Math.sqrt(periodsPerYear), maxDd };
  }

  it.each([[1], [2], [3], [4], [5]])('seed %d, 400 hourly bars', (seed) => {
    const random = new SeededRandom(seed);
    const values = [1000];
    for (let i = 1; i < 400; i++) values.push((values[i - 1] as number) * (1 + 0.0005 + 0.01 * random.nextGaussian()));
    const m = computeMetrics({ ...curve(values, HOUR), trades: [] }, { periodsPerYear: 8760 });
    const ref = reference(values, 8760);
    expect(m.sharpeRatio).toBeCloseTo(ref.sharpe, 9);
    expect(m.sortinoRatio).toBeCloseTo(ref.sortino, 9);
    expect(m.maxDrawdown).toBeCloseTo(ref.maxDd, 12);
  });
});
