import type { z } from 'zod';
import { SimulationInputError } from './SimulationInputError.js';

/**
 * Parses `input` with `schema`, or throws one {@link SimulationInputError} that lists every bad path
 * with what was expected and what was received.
 */
export function parseWithSchema<T extends z.ZodType>(schema: T, input: unknown, root: string): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = [root, ...issue.path.map(String)].join('.');
    let received: unknown = input;
    for (const key of issue.path) received = (received as Record<PropertyKey, unknown> | undefined)?.[key];
    const what = issue.code === 'unrecognized_keys' ? `unknown keys ${issue.keys.map((k) => `"${k}"`).join(', ')}` : `"${describe(received)}"`;
    return { path, text: `Invalid "${path}": ${issue.message}, received ${what}.` };
  });
  throw new SimulationInputError({
    argument: problems[0]?.path ?? root,
    message: problems.map((p) => p.text).join(' '),
    cause: result.error,
  });
}

function describe(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
