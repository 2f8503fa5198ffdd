const marker = 'ares.error.analytics.InvalidArgument';
const symbol = Symbol.for(marker);

/** An input series, option or parameter space the analytics cannot accept. Thrown before any work is done. */
export class InvalidArgumentError extends Error {
  readonly [symbol] = true;
  /** Path of the offending argument, e.g. `"equity"`, `"options.periodsPerYear"` or `"space.0.max"`. */
  readonly argument: string;

  constructor(o: { argument: string; message: string; cause?: unknown }) {
    super(o.message, { cause: o.cause });
    this.name = 'InvalidArgumentError';
    this.argument = o.argument;
  }

  static isInstance(error: unknown): error is InvalidArgumentError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
