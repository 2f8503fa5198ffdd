import { InvalidArgumentError } from '../InvalidArgumentError.js';
import { mean, safeRatio } from '../math.js';
import { parseWithSchema } from '../parseWithSchema.js';
import { checkEquityCurve } from './checkEquityCurve.js';
import { type DrawdownStatistics, drawdownStatistics } from './drawdownStatistics.js';
import { exposureTime } from './exposureTime.js';
import { type MetricsOptions, MetricsOptionsSchema } from './MetricsOptionsSchema.js';
import { annualizedVolatility, sharpeRatio, sortinoRatio } from './riskAdjustedReturns.js';
import { simpleReturns } from './simpleReturns.js';
import type { Trade } from './Trade.js';
import { type TradeStatistics, tradeStatistics } from './tradeStatistics.js';

/** Milliseconds in a year of 365.25 days: the calendar year used by CAGR and turnover. */
export const MS_PER_YEAR = 365.25 * 24 * 60 * 60 * 1000;

/** What {@link computeMetrics} reads: the equity curve, the closed trades and optionally the position per bar. */
export interface BacktestRecord {
  /** Bar times, epoch ms, strictly increasing. */
  readonly timestamps: Float64Array;
  /** Account equity (quote currency, marked to market) at each bar, > 0. */
  readonly equity: Float64Array;
  readonly trades: readonly Trade[];
  /** Position size per bar (any non-zero value = exposed); when absent, exposure is derived from the trades. */
  readonly position?: Float64Array;
}

/** Every headline figure of a backtest. Definitions and formulas: the package README. */
export interface PerformanceMetrics extends DrawdownStatistics, TradeStatistics {
  readonly bars: number;
  readonly startTime: number;
  readonly endTime: number;
  readonly initialEquity: number;
  readonly finalEquity: number;
  /** E_last / E_first − 1. */
  readonly totalReturn: number;
  /** (E_last / E_first)^(1 / years) − 1, years = elapsed ms / (365.25 days); 0 when no time elapsed. */
  readonly cagr: number;
  readonly annualizedVolatility: number;
  readonly sharpeRatio: number;
  readonly sortinoRatio: number;
  /** cagr / maxDrawdown (0 or ±Infinity without drawdown). */
  readonly calmarRatio: number;
  /** Fraction of bars with a position. */
  readonly exposureTime: number;
  /** (tradedNotional / mean equity) / years: how many times a year the average equity is traded. */
  readonly turnover: number;
}

/**
 * Computes all performance metrics of a backtest (pure, deterministic).
 * @throws {InvalidArgumentError} on mismatched or non-positive series, or bad options.
 */
export function computeMetrics(record: BacktestRecord, options: MetricsOptions): PerformanceMetrics {
  const { periodsPerYear, riskFreeRate } = parseWithSchema(MetricsOptionsSchema, options, 'options');
  const { timestamps, equity, trades, position } = record;
  checkEquityCurve(timestamps, equity);
  if (position !== undefined && position.length !== equity.length) {
    throw new InvalidArgumentError({
      argument: 'position',
      message: `Invalid "position": expected one value per equity value (${equity.length}), received "${position.length}".`,
    });
  }
  const n = equity.length;
  const initialEquity = equity[0] as number;
  const finalEquity = equity[n - 1] as number;
  const startTime = timestamps[0] as number;
  const endTime = timestamps[n - 1] as number;
  const years = (endTime - startTime) / MS_PER_YEAR;
  const totalReturn = finalEquity / initialEquity - 1;
  const cagr = years > 0 ? (finalEquity / initialEquity) ** (1 / years) - 1 : 0;
  const returns = simpleReturns(equity);
  const annualization = { periodsPerYear, riskFreeRate };
  const drawdowns = drawdownStatistics(timestamps, equity);
  const trading = tradeStatistics(trades);
  return {
    bars: n,
    startTime,
    endTime,
    initialEquity,
    finalEquity,
    totalReturn,
    cagr,
    annualizedVolatility: annualizedVolatility(returns, annualization),
    sharpeRatio: sharpeRatio(returns, annualization),
    sortinoRatio: sortinoRatio(returns, annualization),
    calmarRatio: safeRatio(cagr, drawdowns.maxDrawdown),
    ...drawdowns,
    ...trading,
    exposureTime: exposureTime(timestamps, trades, position),
    turnover: years > 0 ? trading.tradedNotional / mean(equity) / years : 0,
  };
}
