import type { OptimizationResult, StageResult } from './runOptimization.js';
import type { TrialResult } from './runTrial.js';

/** A trial as summary.json and the report show it: without its step returns. */
export type TrialRow = { readonly stage: string } & (
  | Omit<Extract<TrialResult, { status: 'ok' }>, 'returns'>
  | Extract<TrialResult, { status: 'failed' }>
);

function rows(stage: string, result: StageResult | null): TrialRow[] {
  return (result?.trials ?? []).map((t) => (t.status === 'ok' ? (({ returns: _returns, ...rest }) => ({ stage, ...rest }))(t) : { stage, ...t }));
}

/** The optimization section of summary.json: every trial (best first), the stages' counts, overfitting, walk-forward. */
export function summarizeOptimization(result: OptimizationResult) {
  const trials = [...rows('coarse', result.coarse), ...rows('fine', result.fine)];
  const score = (t: TrialRow): number => (t.status === 'ok' ? t.score : Number.NEGATIVE_INFINITY);
  return {
    best: result.best === null ? null : { point: result.best.point, score: result.best.score, metrics: result.best.metrics },
    stages: {
      coarse: result.coarse === null ? null : { trials: result.coarse.trials.length, failed: result.coarse.failed, rejected: result.coarse.rejected },
      fine: result.fine === null ? null : { trials: result.fine.trials.length, failed: result.fine.failed, rejected: result.fine.rejected },
    },
    overfitting: result.overfitting,
    walkForward: result.walkForward,
    // Stable sort: equal scores keep stage then trial order.
    trials: trials.sort((a, b) => (score(a) === score(b) ? 0 : score(b) > score(a) ? 1 : -1)),
  };
}

export type OptimizationSummary = ReturnType<typeof summarizeOptimization>;
