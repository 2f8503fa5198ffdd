import type { z } from 'zod';
import { SECRET_CENSOR } from '../logging/scrubSecrets.js';
import { secretPaths, valuesAt } from './schemaPaths.js';

/** A copy of `config` with every secret value (see {@link secret}) replaced by `"[redacted]"`, safe to print or log. */
export function redactConfig<T>(config: T, schema: z.ZodType): T {
  const copy = structuredClone(config);
  for (const pattern of secretPaths(schema))
    for (const found of valuesAt(copy, pattern)) (found.container as Record<string | number, unknown>)[found.key] = SECRET_CENSOR;
  return copy;
}

/**
 * The secret values present in a loaded config, as strings (nested strings of a secret object each on
 * their own), for a logger to scrub from every line. Empty strings are left out.
 */
export function listSecretValues(config: unknown, schema: z.ZodType): string[] {
  const values = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value !== '') values.add(value);
    } else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') values.add(String(value));
    else if (typeof value === 'object' && value !== null) for (const child of Object.values(value)) collect(child);
  };
  for (const pattern of secretPaths(schema)) for (const found of valuesAt(config, pattern)) collect(found.value);
  return [...values];
}
