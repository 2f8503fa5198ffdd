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

const TYPE_NAMES: Record<string, string> = { int: 'an integer', number: 'a number', boolean: 'a boolean', string: 'a string', array: 'an array', object: 'an object' };

function quoteAll(values: readonly unknown[]): string {
  return values.map((v) => `"${String(v)}"`).join(', ');
}

/** Rewrites zod's issue into the house phrasing ("expected a number > 0"); refinements keep their own message. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const op = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      if (issue.origin === 'number') return `expected a number ${op} ${String(bound)}`;
      const unit = issue.origin === 'string' ? 'characters' : 'items';
      return `expected ${issue.origin === 'string' ? 'a string' : 'a list'} with ${op} ${String(bound)} ${unit}`;
    }
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `expected one of ${quoteAll(issue.values)}`;
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue.options) ? `expected one of ${quoteAll(issue.options)}` : issue.message;
    default:
      return issue.message;
  }
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
    return { path, text: `Invalid "${path}": ${describeIssue(issue)}, received "${describeValue(valueAt(input, issue.path))}".` };
  });
  throw new InvalidArgumentError({
    argument: issues[0]?.path ?? prefix,
    message: issues.map((i) => i.text).join(' '),
    cause: result.error,
  });
}
