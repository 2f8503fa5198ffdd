const marker = 'ares.error.InvalidParameter';
const symbol = Symbol.for(marker);

/** A constructor or factory received a parameter outside its documented domain. */
export class InvalidParameterError extends Error {
  readonly [symbol] = true;
  /** The parameter's name, e.g. `period`. */
  readonly parameter: string;

  constructor(o: { parameter: string; message: string; cause?: unknown }) {
    super(o.message, { cause: o.cause });
    this.name = 'InvalidParameterError';
    this.parameter = o.parameter;
  }

  static isInstance(error: unknown): error is InvalidParameterError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
