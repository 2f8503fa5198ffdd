const marker = 'ares.error.UnsupportedOperation';
const symbol = Symbol.for(marker);

/** The indicator does not implement the requested operation (e.g. `replace` on a monotonic-deque indicator). */
export class UnsupportedOperationError extends Error {
  readonly [symbol] = true;

  constructor(o: { message: string }) {
    super(o.message);
    this.name = 'UnsupportedOperationError';
  }

  static isInstance(error: unknown): error is UnsupportedOperationError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
