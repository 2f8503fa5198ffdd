import type { Distribution, MonteCarloResult } from '@ares/analytics';
import type { BacktestOutcome } from '../backtest/runStrategyBacktest.js';
import type { OptimizationSummary } from '../optimize/summarizeOptimization.js';

/** What the report says about the data and the settings besides the outcome. */
export interface ReportContext {
  readonly title: string;
  /** The config used, secrets redacted. */
  readonly config: unknown;
  readonly data: { readonly description: string; readonly symbol: string; readonly timeframe: string; readonly bars: number; readonly from: number; readonly to: number };
}

type DistributionSummary = Omit<Distribution, 'values'>;

/** A Monte Carlo result without its paths: percentiles and probabilities only. */
export interface MonteCarloSummary {
  readonly paths: number;
  readonly steps: number;
  readonly finalEquity: DistributionSummary;
  readonly maxDrawdown: DistributionSummary;
  readonly timeUnderWater: DistributionSummary;
  readonly probabilityOfRuin: number;
  readonly probabilityOfDrawdownBeyond: number;
}

function withoutValues({ values: _values, ...rest }: Distribution): DistributionSummary {
  return rest;
}

export function summarizeMonteCarlo(r: MonteCarloResult): MonteCarloSummary {
  return {
    paths: r.paths,
    steps: r.steps,
    finalEquity: withoutValues(r.finalEquity),
    maxDrawdown: withoutValues(r.maxDrawdown),
    timeUnderWater: withoutValues(r.timeUnderWater),
    probabilityOfRuin: r.probabilityOfRuin,
    probabilityOfDrawdownBeyond: r.probabilityOfDrawdownBeyond,
  };
}

/** The content of summary.json: everything of the run except per-bar series and Monte Carlo paths. */
export function buildSummary(outcome: BacktestOutcome, context: ReportContext, optimization: OptimizationSummary | null = null) {
  const mc = outcome.monteCarlo;
  return {
    title: context.title,
    fingerprint: outcome.fingerprint,
    strategy: outcome.strategyId,
    data: context.data,
    metrics: outcome.metrics,
    monthlyReturns: outcome.monthlyReturns,
    monteCarlo:
      mc === null
        ? null
        : {
            tradeReshuffle: mc.reshuffle === null ? null : summarizeMonteCarlo(mc.reshuffle),
            tradeBootstrap: mc.bootstrap === null ? null : summarizeMonteCarlo(mc.bootstrap),
            blockBootstrap: { ...summarizeMonteCarlo(mc.blockBootstrap), barsPerStep: mc.barsPerStep },
          },
    optimization,
    openPosition: outcome.openPosition,
    trades: outcome.trades,
    config: context.config,
  };
}

export type BacktestSummary = ReturnType<typeof buildSummary>;
