import { z } from 'zod';

/** Marks config schemas whose values are secrets. A registry keeps the schemas themselves untouched. */
const secretRegistry = z.registry<{ secret: true }>();

/**
 * Marks a config field as a secret (API key, SMTP password): {@link loadConfig} accepts it only from
 * the environment, never from the file, and {@link redactConfig} hides it. Wrapping the result
 * (`secret(z.string()).optional()`) keeps the mark.
 */
export function secret<S extends z.ZodType>(schema: S): S {
  secretRegistry.add(schema, { secret: true });
  return schema;
}

/** Whether this exact schema object was marked with {@link secret}. */
export function isSecretSchema(schema: z.core.$ZodType): boolean {
  return secretRegistry.has(schema);
}
