import { parseWithSchema } from '../parseWithSchema.js';
import { SeededRandom } from '../SeededRandom.js';
import { valueAtQuantile } from './parameterValues.js';
import { type ParameterPoint, type ParameterSpaceInput, ParameterSpaceSchema, type ParameterValue } from './ParameterSpaceSchema.js';
import { type SamplingOptions, SamplingOptionsSchema } from './randomSearch.js';

/**
 * Latin hypercube sample of `n` points: each parameter's range is cut into n equal strata and every
 * stratum holds exactly one point (u_i = (π(i) + U_i) / n for a random permutation π), so each
 * parameter is covered evenly even when n is small. Per parameter, in declared order: one shuffle,
 * then n jitters.
 * @see M. D. McKay, R. J. Beckman, W. J. Conover, "A Comparison of Three Methods for Selecting Values of Input Variables…", Technometrics 21 (1979).
 */
export function latinHypercube(space: ParameterSpaceInput, options: SamplingOptions): ParameterPoint[] {
  const parameters = parseWithSchema(ParameterSpaceSchema, space, 'space');
  const { n, seed } = parseWithSchema(SamplingOptionsSchema, options, 'options');
  const random = new SeededRandom(seed);
  const points: Record<string, ParameterValue>[] = Array.from({ length: n }, () => ({}));
  for (const p of parameters) {
    const strata = random.shuffle(Float64Array.from({ length: n }, (_, i) => i));
    points.forEach((point, i) => {
      point[p.name] = valueAtQuantile(p, ((strata[i] as number) + random.next()) / n);
    });
  }
  return points;
}
