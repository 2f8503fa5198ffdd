import type { Parameter, ParameterValue } from './ParameterSpaceSchema.js';

/** Lattice values min + k·step, computed from k (no accumulated rounding); the tolerance absorbs float noise. */
function lattice(min: number, max: number, step: number): number[] {
  const count = Math.floor((max - min) / step + 1e-9) + 1;
  return Array.from({ length: count }, (_, k) => min + k * step);
}

/**
 * The grid values of one parameter: its lattice (int, float with step), `floatSteps` evenly spaced values
 * from min to max inclusive (float without step), or its values (choice).
 */
export function parameterValues(parameter: Parameter, floatSteps: number): ParameterValue[] {
  switch (parameter.kind) {
    case 'int':
      return lattice(parameter.min, parameter.max, parameter.step);
    case 'float':
      if (parameter.step !== undefined) return lattice(parameter.min, parameter.max, parameter.step);
      if (parameter.max === parameter.min || floatSteps === 1) return [parameter.min];
      return Array.from({ length: floatSteps }, (_, k) => parameter.min + ((parameter.max - parameter.min) * k) / (floatSteps - 1));
    case 'choice':
      return [...parameter.values];
  }
}

/** Maps u in [0, 1) to a value: the ⌊u·count⌋-th lattice value or choice, or min + u·(max − min) for a continuous float. */
export function valueAtQuantile(parameter: Parameter, u: number): ParameterValue {
  if (parameter.kind === 'float' && parameter.step === undefined) return parameter.min + u * (parameter.max - parameter.min);
  const values = parameterValues(parameter, 1);
  return values[Math.min(Math.floor(u * values.length), values.length - 1)] as ParameterValue;
}
