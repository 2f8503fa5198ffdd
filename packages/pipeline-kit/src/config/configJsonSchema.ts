import { z } from 'zod';
import { isSecretSchema } from './secret.js';

/**
 * The JSON Schema (draft 2020-12) of a config file, for editor completion and validation (YAML language
 * servers read `# yaml-language-server: $schema=...`). It describes the file's input: fields with
 * defaults are optional. Secret fields are marked `writeOnly` and described as environment-only.
 * @see https://zod.dev/json-schema
 */
export function configJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (context) => {
      if (!isSecretSchema(context.zodSchema)) return;
      const json = context.jsonSchema;
      json.writeOnly = true;
      json.description = `${json.description === undefined ? '' : `${json.description} `}Secret: set it only through its environment variable, never in this file.`;
    },
  }) as Record<string, unknown>;
}
