import type { z } from 'zod';

const marker = 'ares.error.InvalidOption';
const symbol = Symbol.for(marker);

/**
 * Options given to a pipeline-kit factory (log streams, notifier, progress, metrics) failed validation.
 * The message lists every bad option at once, each with what was expected and what was received.
 */
export class InvalidOptionError extends Error {
  private readonly [symbol] = true;
  /** Dotted paths of the rejected options, e.g. `["dir", "rotation.maxFiles"]`. */
  readonly options: readonly string[];

  constructor(o: { options: readonly string[]; message: string; cause?: unknown }) {
    super(o.message, { cause: o.cause });
    this.name = 'InvalidOptionError';
    this.options = o.options;
  }

  static isInstance(error: unknown): error is InvalidOptionError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}

/** Parses `input` with `schema`, turning a zod failure into one {@link InvalidOptionError} naming every bad path. */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown, owner: string): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const paths: string[] = [];
  const lines = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(options)';
    paths.push(path);
    const expected = issue.message.replace(/^Invalid input: /, '').replace(/, received .*$/, '');
    return `Invalid "${path}" in ${owner} options: ${expected}, received ${quote(safeJson(issue.input))}.`;
  });
  throw new InvalidOptionError({ options: paths, message: lines.join('\n'), cause: result.error });
}

function safeJson(value: unknown): string {
  if (typeof value === 'string' || value === undefined) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function quote(text: string): string {
  return `"${text.length > 80 ? `${text.slice(0, 77)}...` : text}"`;
}
