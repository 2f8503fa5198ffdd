import { z } from 'zod';

const name = z.string().min(1);

/** An integer parameter on the lattice min, min + step, …, ≤ max. */
export const IntParameterSchema = z
  .object({
    name,
    kind: z.literal('int'),
    min: z.number().int(),
    max: z.number().int(),
    /** Lattice step, default 1. */
    step: z.number().int().min(1).default(1),
  })
  .refine((p) => p.max >= p.min, { message: 'expected max >= min', path: ['max'] });

/** A real parameter in [min, max]; with a `step`, restricted to the lattice min + k·step. */
export const FloatParameterSchema = z
  .object({
    name,
    kind: z.literal('float'),
    min: z.number(),
    max: z.number(),
    step: z.number().positive().optional(),
  })
  .refine((p) => p.max >= p.min, { message: 'expected max >= min', path: ['max'] });

/** A categorical parameter taking one of `values`. */
export const ChoiceParameterSchema = z.object({
  name,
  kind: z.literal('choice'),
  values: z.array(z.union([z.number(), z.string(), z.boolean()])).min(1),
});

/** A declared parameter space: an ordered list of parameters with unique names. */
export const ParameterSpaceSchema = z
  .array(z.discriminatedUnion('kind', [IntParameterSchema, FloatParameterSchema, ChoiceParameterSchema]))
  .min(1)
  .refine((ps) => new Set(ps.map((p) => p.name)).size === ps.length, { message: 'expected unique parameter names' });

export type ParameterSpaceInput = z.input<typeof ParameterSpaceSchema>;
export type ParameterSpace = z.output<typeof ParameterSpaceSchema>;
export type Parameter = ParameterSpace[number];
export type ParameterValue = number | string | boolean;
/** One point of a space: parameter name → value. */
export type ParameterPoint = Readonly<Record<string, ParameterValue>>;
