import { type DeflatedSharpeResult, deflatedSharpeRatio, probabilityOfBacktestOverfitting, returnMoments } from '@ares/analytics';
import type { TrialResult } from './runTrial.js';

type OkTrial = Extract<TrialResult, { status: 'ok' }>;

/** How much the best trial's Sharpe may owe to the number of trials tried. */
export interface OverfittingReport {
  /** Trials that ran (the N of the DSR). */
  readonly trials: number;
  /** DSR of the best trial (per-step Sharpe vs. the expected best of N skill-less trials); null when undefined (flat best curve, < 2 trials). */
  readonly deflatedSharpe: DeflatedSharpeResult | null;
  /** PBO by CSCV over the trials' step returns; null with fewer than 2 trials or steps. */
  readonly probabilityOfBacktestOverfitting: number | null;
  /** PBO splits used (even, at most 16). */
  readonly pboSplits: number;
  /** Plain-language verdict for the console and the report. */
  readonly warning: string;
}

/**
 * Deflated Sharpe ratio of `best` given every trial's per-step Sharpe (their variance sets the luck
 * benchmark SR₀), and the probability of backtest overfitting across the trials' step returns. All trials
 * must have been run on the same bars, so their step returns align.
 * @see D. H. Bailey, M. López de Prado, "The Deflated Sharpe Ratio", 2014; Bailey et al., "The Probability of Backtest Overfitting", 2017.
 */
export function overfittingReport(trials: readonly TrialResult[], best: OkTrial | null): OverfittingReport {
  const ok = trials.filter((t): t is OkTrial => t.status === 'ok');
  const sharpes = ok.filter((t) => varies(t.returns)).map((t) => returnMoments(t.returns).sharpeRatio);
  let deflatedSharpe: DeflatedSharpeResult | null = null;
  if (best !== null && varies(best.returns) && sharpes.length >= 2) {
    const mean = sharpes.reduce((a, b) => a + b, 0) / sharpes.length;
    const trialSharpeVariance = sharpes.reduce((a, s) => a + (s - mean) ** 2, 0) / (sharpes.length - 1);
    deflatedSharpe = deflatedSharpeRatio(returnMoments(best.returns), { numberOfTrials: ok.length, trialSharpeVariance });
  }
  const steps = ok[0]?.returns.length ?? 0;
  const pboSplits = Math.min(16, steps - (steps % 2));
  const pbo = ok.length >= 2 && pboSplits >= 2 ? probabilityOfBacktestOverfitting(ok.map((t) => t.returns), { splits: pboSplits }).pbo : null;
  return { trials: ok.length, deflatedSharpe, probabilityOfBacktestOverfitting: pbo, pboSplits, warning: verdict(deflatedSharpe, pbo) };
}

function varies(returns: readonly number[]): boolean {
  return returns.length >= 2 && returns.some((r) => r !== returns[0]);
}

function verdict(dsr: DeflatedSharpeResult | null, pbo: number | null): string {
  const parts: string[] = [];
  // DSR < 0.95: not significant at 5 % once selection among N trials is accounted for (Bailey & López de Prado).
  if (dsr !== null && !(dsr.deflatedSharpeRatio >= 0.95)) parts.push(`deflated Sharpe ${dsr.deflatedSharpeRatio.toFixed(3)} < 0.95: the best Sharpe is not significant given the trials`);
  // PBO > 0.5: the in-sample winner more often than not lands in the bottom half out of sample.
  if (pbo !== null && pbo > 0.5) parts.push(`PBO ${pbo.toFixed(3)} > 0.5: the in-sample best is likely overfit`);
  return parts.length === 0 ? 'no overfitting warning' : `WARNING: ${parts.join('; ')}`;
}
