const marker = 'ares.error.drift.InvalidArgument';
const symbol = Symbol.for(marker);

/**
 * A configuration, an input value or a restored state that the detectors cannot accept.
 * Thrown before any state is touched, so the detector that threw is unchanged.
 */
export class InvalidArgumentError extends Error {
  readonly [symbol] = true;
  /** Path of the offending argument, e.g. `"delta"`, `"x"` or `"streams.loss.0.config.lambda"`. */
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
