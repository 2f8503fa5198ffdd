const marker = 'ares.error.InvalidPolicy';
const symbol = Symbol.for(marker);

/** A validation policy (or `OutlierFilter` option) outside its documented domain; the message lists every bad path. */
export class InvalidPolicyError extends Error {
  readonly [symbol] = true;
  /** The first bad path, e.g. `"outlierWindow"`. */
  readonly argument: string;

  constructor(o: { argument: string; message: string; cause?: unknown }) {
    super(o.message, { cause: o.cause });
    this.name = 'InvalidPolicyError';
    this.argument = o.argument;
  }

  static isInstance(error: unknown): error is InvalidPolicyError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
