import type { PerformanceMetrics } from '@ares/analytics';
import type { Objective } from './OptimizationSchema.js';

/** The metrics a trial keeps (the objective's inputs and the table's columns). */
export type TrialMetrics = Pick<PerformanceMetrics, 'totalReturn' | 'cagr' | 'sharpeRatio' | 'sortinoRatio' | 'calmarRatio' | 'maxDrawdown' | 'numberOfTrades'>;

export interface TrialScore {
  /** The objective's value; −Infinity when a constraint is violated or the value is NaN. */
  readonly score: number;
  /** Each violated constraint, e.g. `trades 3 < minTrades 5`. */
  readonly violations: readonly string[];
}

export interface Constraints {
  readonly minTrades: number;
  readonly maxDrawdown: number;
}

/** A user objective: a trial's metrics → its score (higher is better); loaded by `loadCustomObjective`. */
export type ObjectiveFunction = (metrics: Readonly<TrialMetrics>) => number;

/** A named objective, or a loaded custom one (`loadCustomObjective`). */
export type TrialObjective = Exclude<Objective, 'custom'> | ObjectiveFunction;

/** The objective of a trial's metrics; a trial breaking a constraint scores −Infinity and says why. A custom objective's throw propagates. */
export function scoreTrial(metrics: TrialMetrics, objective: TrialObjective, constraints: Constraints): TrialScore {
  const violations: string[] = [];
  if (metrics.numberOfTrades < constraints.minTrades) violations.push(`trades ${metrics.numberOfTrades} < minTrades ${constraints.minTrades}`);
  if (metrics.maxDrawdown > constraints.maxDrawdown) violations.push(`maxDrawdown ${metrics.maxDrawdown.toFixed(4)} > ${constraints.maxDrawdown}`);
  const value = objectiveValue(metrics, objective);
  return { score: violations.length > 0 || Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value, violations };
}

function objectiveValue(m: TrialMetrics, objective: TrialObjective): number {
  if (typeof objective === 'function') return objective(m);
  switch (objective) {
    case 'sharpe':
      return m.sharpeRatio;
    case 'sortino':
      return m.sortinoRatio;
    case 'calmar':
      return m.calmarRatio;
    case 'return-over-drawdown':
      // No drawdown: the return itself decides (a flat curve scores 0).
      return m.maxDrawdown === 0 ? m.totalReturn : m.totalReturn / m.maxDrawdown;
  }
}
