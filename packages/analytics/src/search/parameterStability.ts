import { InvalidArgumentError } from '../InvalidArgumentError.js';
import { mean, safeRatio, sampleStdev } from '../math.js';
import type { ParameterPoint, ParameterValue } from './ParameterSpaceSchema.js';

/** Stability of one parameter across walk-forward windows. */
export type ParameterStability =
  | {
      readonly kind: 'numeric';
      readonly mean: number;
      /** Sample standard deviation (n − 1); 0 for one window. */
      readonly stdev: number;
      /** stdev / |mean| (0 or Infinity when the mean is 0): lower is more stable. */
      readonly coefficientOfVariation: number;
    }
  | {
      readonly kind: 'categorical';
      /** Most frequent value (the first seen on ties). */
      readonly mode: ParameterValue;
      /** Share of windows that chose the mode: higher is more stable. */
      readonly modeShare: number;
    };

/**
 * How stable the parameters chosen in each walk-forward window are. Numeric parameters: coefficient of
 * variation; string / boolean ones: share of the most frequent choice. All points need the same parameters.
 */
export function parameterStability(chosen: readonly ParameterPoint[]): Record<string, ParameterStability> {
  const first = chosen[0];
  if (first === undefined) {
    throw new InvalidArgumentError({ argument: 'chosen', message: 'Invalid "chosen": expected at least 1 point, received "0".' });
  }
  const result: Record<string, ParameterStability> = {};
  for (const name of Object.keys(first)) {
    const values = chosen.map((point, i) => {
      const value = point[name];
      if (value === undefined) {
        throw new InvalidArgumentError({ argument: `chosen.${i}.${name}`, message: `Invalid "chosen.${i}.${name}": expected a value like point 0, received "undefined".` });
      }
      return value;
    });
    if (values.every((v) => typeof v === 'number')) {
      const numbers = values as number[];
      const m = mean(numbers);
      const stdev = sampleStdev(numbers);
      result[name] = { kind: 'numeric', mean: m, stdev, coefficientOfVariation: safeRatio(stdev, Math.abs(m)) };
    } else {
      const counts = new Map<ParameterValue, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      let mode = values[0] as ParameterValue;
      for (const [v, c] of counts) if (c > (counts.get(mode) ?? 0)) mode = v;
      result[name] = { kind: 'categorical', mode, modeShare: (counts.get(mode) ?? 0) / values.length };
    }
  }
  return result;
}
