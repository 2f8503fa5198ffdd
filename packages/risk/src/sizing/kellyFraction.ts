import { InvalidArgumentError, requireNumber } from '../InvalidArgumentError.js';

const EDGE_EPSILON = 1e-12;

/**
 * Full Kelly fraction of equity for a bet won with probability `winProbability` (p) that pays
 * `payoffRatio` (b) times the amount risked: f* = p − (1 − p) / b.
 *
 * Zero or negative edge returns 0 (never a negative size): p = 0, b = 0, or p·b <= 1 − p.
 * p = 1 returns 1 whatever b > 0 is. Throws `InvalidArgumentError` for p outside [0, 1] or b < 0 / NaN.
 *
 * @see https://en.wikipedia.org/wiki/Kelly_criterion (Kelly 1956, "A New Interpretation of Information Rate")
 */
export function kellyFraction(winProbability: number, payoffRatio: number): number {
  if (!(winProbability >= 0 && winProbability <= 1)) {
    throw new InvalidArgumentError({ argument: 'winProbability', expected: 'a probability in [0, 1]', received: winProbability });
  }
  requireNumber('payoffRatio', payoffRatio, 0);
  if (payoffRatio === 0) return 0;
  const fraction = winProbability - (1 - winProbability) / payoffRatio;
  // An edge within float noise of zero (0.4 − 0.6/1.5 evaluates to 5.6e-17) is no edge.
  return fraction > EDGE_EPSILON ? fraction : 0;
}

/**
 * Fractional Kelly with a cap: min(cap, multiplier × f*). Half Kelly (multiplier 0.5) keeps most of
 * the growth rate with far less variance, and the cap guards against an over-confident p.
 */
export function fractionalKelly(winProbability: number, payoffRatio: number, multiplier: number, cap: number): number {
  requireNumber('multiplier', multiplier, 0);
  requireNumber('cap', cap, 0);
  return Math.min(cap, multiplier * kellyFraction(winProbability, payoffRatio));
}
