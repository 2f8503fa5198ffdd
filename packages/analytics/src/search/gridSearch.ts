import { z } from 'zod';
import { InvalidArgumentError } from '../InvalidArgumentError.js';
import { parseWithSchema } from '../parseWithSchema.js';
import { parameterValues } from './parameterValues.js';
import { type ParameterPoint, type ParameterSpaceInput, ParameterSpaceSchema, type ParameterValue } from './ParameterSpaceSchema.js';

/** Options of {@link gridSearch}. */
export const GridSearchOptionsSchema = z.object({
  /** Refuse grids larger than this (the product of the per-parameter counts). */
  maxPoints: z.number().int().min(1).default(100_000),
  /** Values per float parameter without a step, evenly spaced from min to max inclusive. */
  floatSteps: z.number().int().min(1).default(5),
});
export type GridSearchOptions = z.input<typeof GridSearchOptionsSchema>;

/** Cartesian product of value lists, the first list varying slowest. */
export function cartesian(names: readonly string[], lists: readonly (readonly ParameterValue[])[]): ParameterPoint[] {
  let points: Record<string, ParameterValue>[] = [{}];
  names.forEach((name, i) => {
    points = points.flatMap((point) => (lists[i] ?? []).map((value) => ({ ...point, [name]: value })));
  });
  return points;
}

/**
 * Every point of the full grid, in lexicographic order of the declared parameters (the first varies slowest).
 * @throws {InvalidArgumentError} when the grid would exceed `maxPoints`.
 */
export function gridSearch(space: ParameterSpaceInput, options: GridSearchOptions = {}): ParameterPoint[] {
  const parameters = parseWithSchema(ParameterSpaceSchema, space, 'space');
  const o = parseWithSchema(GridSearchOptionsSchema, options, 'options');
  const lists = parameters.map((p) => parameterValues(p, o.floatSteps));
  const size = lists.reduce((product, list) => product * list.length, 1);
  if (size > o.maxPoints) {
    throw new InvalidArgumentError({
      argument: 'options.maxPoints',
      message: `Invalid "options.maxPoints": the grid has ${size} points (${lists.map((l) => l.length).join(' × ')}), more than the limit, received "${o.maxPoints}". Coarsen the steps, raise maxPoints, or use randomSearch / latinHypercube.`,
    });
  }
  return cartesian(
    parameters.map((p) => p.name),
    lists,
  );
}
