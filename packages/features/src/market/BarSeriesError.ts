const marker = 'ares.error.BarSeries';
const symbol = Symbol.for(marker);

/**
 * A bar series was built or extended with input that breaks its invariants: columns of different
 * lengths, an appended bar that is not strictly after the last one, an index or range outside it.
 */
export class BarSeriesError extends Error {
  readonly [symbol] = true;
  /** The argument at fault, e.g. `"bar.timestamp"` or `"columns.close"`. */
  readonly argument: string;

  constructor(o: { argument: string; message: string; cause?: unknown }) {
    super(o.message, { cause: o.cause });
    this.name = 'BarSeriesError';
    this.argument = o.argument;
  }

  static isInstance(error: unknown): error is BarSeriesError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
