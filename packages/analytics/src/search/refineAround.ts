import { z } from 'zod';
import { InvalidArgumentError } from '../InvalidArgumentError.js';
import { parseWithSchema } from '../parseWithSchema.js';
import { cartesian } from './gridSearch.js';
import { type Parameter, type ParameterPoint, type ParameterSpaceInput, ParameterSpaceSchema, type ParameterValue } from './ParameterSpaceSchema.js';

/** Options of {@link refineAround}. */
export const RefineOptionsSchema = z.object({
  /** How many of the given points (best first) to refine around. */
  topK: z.number().int().min(1),
  /** Values per numeric parameter in each neighbourhood (odd values include the centre). */
  steps: z.number().int().min(2).default(5),
  /** Half-width of the neighbourhood as a fraction of the parameter's range. */
  radius: z.number().positive().max(1).default(0.1),
});
export type RefineOptions = z.input<typeof RefineOptionsSchema>;

function neighbourhood(p: Parameter, centre: ParameterValue, steps: number, radius: number): ParameterValue[] {
  if (p.kind === 'choice') return [centre];
  const v = centre as number;
  const h = radius * (p.max - p.min);
  const lo = Math.max(p.min, v - h);
  const hi = Math.min(p.max, v + h);
  const raw = Array.from({ length: steps }, (_, k) => lo + ((hi - lo) * k) / (steps - 1));
  const step = p.step;
  if (step === undefined) return raw;
  // snap to the parameter's lattice, which may merge neighbours
  const snapped = raw.map((x) => Math.min(p.max, p.min + step * Math.round((x - p.min) / step)));
  return [...new Set(snapped)];
}

/**
 * Stage-2 refinement: a finer grid around each of the first `topK` points (pass them best first).
 * Each numeric parameter takes `steps` evenly spaced values over [v − r, v + r] ∩ [min, max], with
 * r = radius × (max − min), snapped to its lattice (int, float with step); a choice parameter keeps the
 * point's value. The union of the neighbourhood grids, without duplicates, in order of first appearance.
 */
export function refineAround(space: ParameterSpaceInput, points: readonly ParameterPoint[], options: RefineOptions): ParameterPoint[] {
  const parameters = parseWithSchema(ParameterSpaceSchema, space, 'space');
  const o = parseWithSchema(RefineOptionsSchema, options, 'options');
  const seen = new Set<string>();
  const refined: ParameterPoint[] = [];
  points.slice(0, o.topK).forEach((point, i) => {
    const lists = parameters.map((p) => {
      const value = point[p.name];
      const valid = p.kind === 'choice' ? p.values.includes(value as ParameterValue) : typeof value === 'number' && value >= p.min && value <= p.max;
      if (value === undefined || !valid) {
        throw new InvalidArgumentError({
          argument: `points.${i}.${p.name}`,
          message: `Invalid "points.${i}.${p.name}": expected a value of the declared ${p.kind} parameter, received "${String(value)}".`,
        });
      }
      return neighbourhood(p, value, o.steps, o.radius);
    });
    for (const candidate of cartesian(
      parameters.map((p) => p.name),
      lists,
    )) {
      const key = JSON.stringify(parameters.map((p) => candidate[p.name]));
      if (seen.has(key)) continue;
      seen.add(key);
      refined.push(candidate);
    }
  });
  return refined;
}
