import { z } from 'zod';
import { parseWithSchema } from '../parseWithSchema.js';
import { SeededRandom } from '../SeededRandom.js';
import { valueAtQuantile } from './parameterValues.js';
import { type ParameterPoint, type ParameterSpaceInput, ParameterSpaceSchema, type ParameterValue } from './ParameterSpaceSchema.js';

/** Options of {@link randomSearch} and {@link latinHypercube}. */
export const SamplingOptionsSchema = z.object({
  /** Number of points. */
  n: z.number().int().min(1),
  /** Seed of the one generator that draws every value. */
  seed: z.number().int(),
});
export type SamplingOptions = z.input<typeof SamplingOptionsSchema>;

/**
 * `n` independent uniform points: uniform over the lattice (int, float with step) or the choices, or
 * continuous uniform in [min, max) (float without step). Draws point by point, parameter by parameter.
 */
export function randomSearch(space: ParameterSpaceInput, options: SamplingOptions): ParameterPoint[] {
  const parameters = parseWithSchema(ParameterSpaceSchema, space, 'space');
  const { n, seed } = parseWithSchema(SamplingOptionsSchema, options, 'options');
  const random = new SeededRandom(seed);
  return Array.from({ length: n }, () => {
    const point: Record<string, ParameterValue> = {};
    for (const p of parameters) point[p.name] = valueAtQuantile(p, random.next());
    return point;
  });
}
