import { InvalidArgumentError } from '../InvalidArgumentError.js';
import { mean, safeRatio } from '../math.js';

/** Walk-forward efficiency per window and overall. */
export interface WalkForwardEfficiency {
  /** OOS annualized return / IS annualized return of each window. */
  readonly perWindow: readonly number[];
  /** mean(OOS annualized) / mean(IS annualized). */
  readonly overall: number;
}

/**
 * Walk-forward efficiency (Pardo): how much of the in-sample annualized return survives out of sample.
 * WFE_k = OOS_k / IS_k; overall = mean(OOS) / mean(IS). Around 0.5 or more is usually read as robust.
 * Meaningful when the IS returns are positive; a zero IS return gives 0 or ±Infinity (no NaN).
 * @see R. Pardo, "The Evaluation and Optimization of Trading Strategies", 2nd ed., Wiley, 2008, ch. 11.
 */
export function walkForwardEfficiency(isAnnualized: readonly number[], oosAnnualized: readonly number[]): WalkForwardEfficiency {
  if (isAnnualized.length === 0 || isAnnualized.length !== oosAnnualized.length) {
    throw new InvalidArgumentError({
      argument: 'oosAnnualized',
      message: `Invalid "oosAnnualized": expected one value per in-sample window (${isAnnualized.length}, at least 1), received "${oosAnnualized.length}".`,
    });
  }
  return {
    perWindow: isAnnualized.map((is, i) => safeRatio(oosAnnualized[i] as number, is)),
    overall: safeRatio(mean(oosAnnualized), mean(isAnnualized)),
  };
}
