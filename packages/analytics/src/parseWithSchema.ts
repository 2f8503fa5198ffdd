import type { z } from 'zod';
import { InvalidArgumentError } from './InvalidArgumentError.js';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value;
}

/**
 * Parses `input` with `schema`; on failure throws one {@link InvalidArgumentError} listing every bad path
 * in the house format: `Invalid "options.paths": expected an integer >= 1, received "0".`
 */
export function parseWithSchema<S extends z.ZodType>(schema: S, input: unknown, prefix: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
    return { path, text: `Invalid "${path}": ${issue.message}, received "${describeValue(valueAt(input, issue.path))}".` };
  });
  throw new InvalidArgumentError({
    argument: issues[0]?.path ?? prefix,
    message: issues.map((i) => i.text).join(' '),
    cause: result.error,
  });
}
