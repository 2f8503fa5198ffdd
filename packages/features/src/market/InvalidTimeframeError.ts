const marker = 'ares.error.InvalidTimeframe';
const symbol = Symbol.for(marker);

/** A timeframe that cannot be parsed, or that does not fit the series it is applied to. */
export class InvalidTimeframeError extends Error {
  readonly [symbol] = true;
  /** The argument at fault, e.g. `"timeframe"` or `"options.sourceTimeframe"`. */
  readonly argument: string;

  constructor(o: { argument: string; message: string; cause?: unknown }) {
    super(o.message, { cause: o.cause });
    this.name = 'InvalidTimeframeError';
    this.argument = o.argument;
  }

  static isInstance(error: unknown): error is InvalidTimeframeError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
