import type { ParameterPoint } from '@ares/analytics';
import type { DeepReadonly } from '@ares/pipeline-kit';
import type { MarketData } from '../backtest/loadMarketData.js';
import { runStrategyBacktest } from '../backtest/runStrategyBacktest.js';
import { stepReturns } from '../backtest/stepReturns.js';
import type { BacktestConfig } from '../config/BacktestConfigSchema.js';
import type { Objective } from './OptimizationSchema.js';
import { type Constraints, type ObjectiveFunction, scoreTrial, type TrialMetrics } from './scoreTrial.js';

/** One trial: a parameter point backtested on bars [start, end). */
export interface TrialSpec {
  /** Position in its stage; results are ordered by it, and the trial's seed is derived from it. */
  readonly index: number;
  readonly point: ParameterPoint;
  readonly start: number;
  readonly end: number;
}

/** How trials are scored, shared by every trial of a run. */
export interface TrialScoring extends Constraints {
  readonly objective: Objective;
  /** With objective `custom`: the module's absolute path, which each worker loads once. */
  readonly customObjective?: string;
  /** Returns kept per trial for the overfitting statistics: the equity is cut into about this many steps. */
  readonly returnSteps: number;
}

export type TrialResult =
  | {
      readonly index: number;
      readonly point: ParameterPoint;
      readonly status: 'ok';
      readonly score: number;
      readonly violations: readonly string[];
      readonly metrics: TrialMetrics;
      /** Step returns of the equity (`returnSteps` steps), for the DSR and the PBO. */
      readonly returns: readonly number[];
    }
  | { readonly index: number; readonly point: ParameterPoint; readonly status: 'failed'; readonly error: string };

/** The config of one trial: the point's values over `strategy`, Monte Carlo off, the seed derived from the trial index. */
export function trialConfig(config: DeepReadonly<BacktestConfig>, trial: TrialSpec): DeepReadonly<BacktestConfig> {
  return { ...config, seed: config.seed + trial.index, strategy: { ...config.strategy, ...trial.point }, monteCarlo: { ...config.monteCarlo, paths: 0 } };
}

/**
 * Backtests one trial and scores it; any error makes it a `failed` result instead of a throw.
 * `customObjective`: the loaded module of `scoring.customObjective`, required by objective `custom`.
 */
export async function runTrial(config: DeepReadonly<BacktestConfig>, data: MarketData, trial: TrialSpec, scoring: TrialScoring, customObjective?: ObjectiveFunction): Promise<TrialResult> {
  const { index, point } = trial;
  try {
    const objective = scoring.objective !== 'custom' ? scoring.objective : customObjective;
    if (objective === undefined) throw new Error('objective "custom": the objective module was not loaded (loadCustomObjective).');
    const outcome = await runStrategyBacktest(trialConfig(config, trial), { ...data, series: data.series.slice(trial.start, trial.end) }, undefined, { detail: 'trial' });
    const { totalReturn, cagr, sharpeRatio, sortinoRatio, calmarRatio, maxDrawdown, numberOfTrades } = outcome.metrics;
    const metrics = { totalReturn, cagr, sharpeRatio, sortinoRatio, calmarRatio, maxDrawdown, numberOfTrades };
    const barsPerStep = Math.max(1, Math.floor((outcome.equity.length - 1) / scoring.returnSteps));
    return { index, point, status: 'ok', ...scoreTrial(metrics, objective, scoring), metrics, returns: Array.from(stepReturns(outcome.equity, barsPerStep)) };
  } catch (error) {
    return { index, point, status: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}
