import type { z } from 'zod';

const marker = 'ares.error.RiskConfig';
const symbol = Symbol.for(marker);

/**
 * A risk configuration failed validation. Thrown only by factories (`createRiskEngine`, `parseRiskConfig`),
 * never while deciding: the message lists every bad path at once, with what was expected and what was received.
 */
export class RiskConfigError extends Error {
  private readonly [symbol] = true;
  /** Dotted paths of the rejected fields, e.g. `["limits.maxDrawdown", "sizing.fraction"]`. */
  readonly paths: readonly string[];

  constructor(o: { paths: readonly string[]; message: string; cause?: unknown }) {
    super(o.message, { cause: o.cause });
    this.name = 'RiskConfigError';
    this.paths = o.paths;
  }

  static isInstance(error: unknown): error is RiskConfigError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}

/** Parses `input` with `schema`, turning a zod failure into one {@link RiskConfigError} naming every bad path. */
export function parseWithSchema<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const paths: string[] = [];
  const lines = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(config)';
    paths.push(path);
    const expected = issue.message.replace(/^(Invalid input|Too small|Too big): /, '').replace(/^Invalid discriminator value\. Expected/, 'expected one of').replace(/, received .*$/, '');
    return `Invalid "${path}" in risk config: ${expected}, received "${describe(fieldValue(issue.input, issue.path.at(-1)))}".`;
  });
  throw new RiskConfigError({ paths, message: lines.join('\n'), cause: result.error });
}

/** Object-level issues (a discriminator, a refine) carry the parent object: report the field itself. */
function fieldValue(input: unknown, key: PropertyKey | undefined): unknown {
  if (typeof input === 'object' && input !== null && key !== undefined && key in input) return (input as Record<PropertyKey, unknown>)[key];
  return input;
}

function describe(value: unknown): string {
  if (typeof value === 'string' || value === undefined || typeof value === 'number') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
