import { z } from 'zod';
import { parseWithSchema } from '../parseWithSchema.js';
import { inverseNormalCdf, normalCdf } from './normalDistribution.js';

/** Euler–Mascheroni constant γ. */
const EULER_GAMMA = 0.5772156649015329;

/** An observed (per-period, non-annualized) Sharpe ratio with the moments of its returns. */
export const SharpeObservationSchema = z.object({
  /** Per-period Sharpe ratio (not annualized), e.g. daily mean / daily stdev. */
  sharpeRatio: z.number(),
  /** Number of return observations T. */
  observations: z.number().int().min(2),
  /** Skewness of the returns (0 for a normal law). */
  skewness: z.number().default(0),
  /** Kurtosis of the returns, not excess (3 for a normal law). */
  kurtosis: z.number().positive().default(3),
});
export type SharpeObservation = z.input<typeof SharpeObservationSchema>;

/**
 * Probabilistic Sharpe ratio: the probability that the true Sharpe ratio exceeds `benchmark`
 * given the estimate's non-normality,
 * PSR = Φ( (SR − SR*) √(T − 1) / √(1 − γ₃·SR + (γ₄ − 1)/4 · SR²) ).
 * Per-period (non-annualized) ratios throughout. NaN when the variance term is not positive.
 * @see D. H. Bailey, M. López de Prado, "The Sharpe Ratio Efficient Frontier", Journal of Risk 15(2), 2012.
 */
export function probabilisticSharpeRatio(observation: SharpeObservation, benchmark = 0): number {
  const o = parseWithSchema(SharpeObservationSchema, observation, 'observation');
  const sr = o.sharpeRatio;
  const variance = 1 - o.skewness * sr + ((o.kurtosis - 1) / 4) * sr * sr;
  if (!(variance > 0)) return Number.NaN;
  return normalCdf(((sr - benchmark) * Math.sqrt(o.observations - 1)) / Math.sqrt(variance));
}

/**
 * Expected maximum Sharpe ratio of N independent trials whose true Sharpe is 0, given the variance
 * of the trials' Sharpe estimates:
 * SR₀ = √V · ((1 − γ) Φ⁻¹(1 − 1/N) + γ Φ⁻¹(1 − 1/(N e))), γ the Euler–Mascheroni constant; 0 for N = 1.
 * @see D. H. Bailey, M. López de Prado, "The Deflated Sharpe Ratio", Journal of Portfolio Management 40(5), 2014, eq. (2).
 */
export function expectedMaxSharpe(numberOfTrials: number, trialSharpeVariance: number): number {
  const o = parseWithSchema(
    z.object({ numberOfTrials: z.number().int().min(1), trialSharpeVariance: z.number().min(0) }),
    { numberOfTrials, trialSharpeVariance },
    '',
  );
  if (o.numberOfTrials === 1) return 0;
  const n = o.numberOfTrials;
  return Math.sqrt(o.trialSharpeVariance) * ((1 - EULER_GAMMA) * inverseNormalCdf(1 - 1 / n) + EULER_GAMMA * inverseNormalCdf(1 - 1 / (n * Math.E)));
}

/** Result of {@link deflatedSharpeRatio}. */
export interface DeflatedSharpeResult {
  /** DSR: the probability that the selected strategy's true Sharpe exceeds SR₀ (a skill, not luck, after N trials). */
  readonly deflatedSharpeRatio: number;
  /** SR₀, the Sharpe the best of N skill-less trials would reach by luck (per period). */
  readonly expectedMaxSharpe: number;
}

/**
 * Deflated Sharpe ratio: the PSR of the selected (best) strategy against SR₀ = {@link expectedMaxSharpe}.
 * `trialSharpeVariance` is the variance of the per-period Sharpe estimates over all trials tried.
 * A DSR below 0.95 says the result is not significant at 5 % once selection is accounted for.
 * @see D. H. Bailey, M. López de Prado, "The Deflated Sharpe Ratio: Correcting for Selection Bias, Backtest Overfitting and Non-Normality", 2014.
 */
export function deflatedSharpeRatio(
  selected: SharpeObservation,
  trials: { readonly numberOfTrials: number; readonly trialSharpeVariance: number },
): DeflatedSharpeResult {
  const sr0 = expectedMaxSharpe(trials.numberOfTrials, trials.trialSharpeVariance);
  return { deflatedSharpeRatio: probabilisticSharpeRatio(selected, sr0), expectedMaxSharpe: sr0 };
}
