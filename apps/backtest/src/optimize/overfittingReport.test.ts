import { probabilisticSharpeRatio, returnMoments } from '@ares/analytics';
import { describe, expect, it } from '@jest/globals';
import { overfittingReport } from './overfittingReport.js';
import type { TrialResult } from './runTrial.js';

const metrics = { totalReturn: 0, cagr: 0, sharpeRatio: 0, sortinoRatio: 0, calmarRatio: 0, maxDrawdown: 0, numberOfTrades: 0 };

function trial(index: number, returns: number[]): Extract<TrialResult, { status: 'ok' }> {
  return { index, point: { k: index }, status: 'ok', score: index, violations: [], metrics, returns };
}

// Trial k earns 0.001·k plus the same alternating ±0.01 every period: the better trial is better in every block.
const periods = 32;
const trials = [0, 1, 2, 3].map((k) => trial(k, Array.from({ length: periods }, (_, t) => 0.001 * k + (t % 2 === 0 ? 0.01 : -0.01))));

describe('overfittingReport', () => {
  it('finds no overfitting when the in-sample best is the best in every block (PBO 0)', () => {
    const report = overfittingReport(trials, trials[3] ?? null);
    expect(report.probabilityOfBacktestOverfitting).toBe(0);
    expect(report.pboSplits).toBe(16);
    expect(report.trials).toBe(4);
  });

  it('deflates the best Sharpe by the number of trials: SR₀ > 0 and the DSR is below the undeflated PSR', () => {
    const report = overfittingReport(trials, trials[3] ?? null);
    // Per-period Sharpe of trial 3: mean 0.003, sample stdev of ±0.01 over 32 periods = 0.01·√(32/31).
    const sharpe = 0.003 / (0.01 * Math.sqrt(32 / 31));
    expect(report.deflatedSharpe?.expectedMaxSharpe).toBeGreaterThan(0);
    expect(report.deflatedSharpe?.expectedMaxSharpe).toBeLessThan(sharpe);
    const undeflated = probabilisticSharpeRatio(returnMoments(trials[3]?.returns ?? []), 0);
    expect(report.deflatedSharpe?.deflatedSharpeRatio).toBeLessThan(undeflated);
    expect(returnMoments(trials[3]?.returns ?? []).sharpeRatio).toBeCloseTo(sharpe, 12);
    expect(report.warning).toMatch(/^WARNING: deflated Sharpe 0\.\d{3} < 0\.95/);
  });

  it('leaves failed trials out of N and gives no statistics for a single trial', () => {
    const failed: TrialResult = { index: 9, point: { k: 9 }, status: 'failed', error: 'x' };
    const report = overfittingReport([trials[0] as TrialResult, failed], trials[0] ?? null);
    expect(report.trials).toBe(1);
    expect(report.deflatedSharpe).toBeNull();
    expect(report.probabilityOfBacktestOverfitting).toBeNull();
    expect(report.warning).toBe('no overfitting warning');
  });
});
