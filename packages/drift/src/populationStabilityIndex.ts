import { InvalidArgumentError } from './InvalidArgumentError.js';

/** Conventional reading of a PSI value. */
export type PsiLevel = 'stable' | 'moderate' | 'significant';

/** Proportions below this are raised to it, so an empty bin gives a large but finite term. */
export const PSI_EPSILON = 1e-4;

/**
 * Population stability index between reference (expected) and live (actual) bin proportions:
 * PSI = Σᵢ (aᵢ − eᵢ) · ln(aᵢ / eᵢ), each proportion floored at {@link PSI_EPSILON}.
 * It is the symmetrised Kullback–Leibler divergence KL(a‖e) + KL(e‖a).
 * @see N. Siddiqi, "Credit Risk Scorecards", Wiley 2006 (PSI and its 0.1 / 0.25 rule of thumb).
 */
export function populationStabilityIndex(expected: ArrayLike<number>, actual: ArrayLike<number>): number {
  if (expected.length !== actual.length || expected.length === 0) {
    throw new InvalidArgumentError({
      argument: 'actual',
      message: `Invalid "actual": expected ${expected.length} bin proportions (as many as "expected", at least 1), received ${actual.length}.`,
    });
  }
  let psi = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.max(expected[i] ?? 0, PSI_EPSILON);
    const a = Math.max(actual[i] ?? 0, PSI_EPSILON);
    psi += (a - e) * Math.log(a / e);
  }
  return psi;
}

/** The usual thresholds: < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 significant shift. */
export function psiLevel(psi: number): PsiLevel {
  if (psi < 0.1) return 'stable';
  return psi <= 0.25 ? 'moderate' : 'significant';
}
