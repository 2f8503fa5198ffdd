import { InvalidParameterError } from './InvalidParameterError.js';

/** Returns `value` if it is an integer >= `min`, else throws `InvalidParameterError`. */
export function requireInteger(parameter: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new InvalidParameterError({
      parameter,
      message: `Invalid "${parameter}": expected an integer >= ${min}, received "${String(value)}".`,
    });
  }
  return value;
}

/** Returns `value` if it is a finite number in the interval described by `min`/`max`, else throws. */
export function requireNumber(
  parameter: string,
  value: number,
  range: { min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean } = {},
): number {
  const { min, max, exclusiveMin = false, exclusiveMax = false } = range;
  const tooLow = min !== undefined && (exclusiveMin ? value <= min : value < min);
  const tooHigh = max !== undefined && (exclusiveMax ? value >= max : value > max);
  if (!Number.isFinite(value) || tooLow || tooHigh) {
    const bounds = [
      min === undefined ? '' : `${exclusiveMin ? '>' : '>='} ${min}`,
      max === undefined ? '' : `${exclusiveMax ? '<' : '<='} ${max}`,
    ]
      .filter((s) => s !== '')
      .join(' and ');
    throw new InvalidParameterError({
      parameter,
      message: `Invalid "${parameter}": expected a finite number${bounds === '' ? '' : ` ${bounds}`}, received "${String(value)}".`,
    });
  }
  return value;
}

/** Returns `value` if it is one of `allowed`, else throws `InvalidParameterError`. */
export function requireOneOf<T extends string>(parameter: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) {
    throw new InvalidParameterError({
      parameter,
      message: `Invalid "${parameter}": expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, received "${String(value)}".`,
    });
  }
  return value;
}
