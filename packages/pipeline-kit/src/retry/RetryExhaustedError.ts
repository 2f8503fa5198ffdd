const marker = 'ares.error.RetryExhausted';
const symbol = Symbol.for(marker);

/** Every allowed attempt failed, or the next wait would pass `maxElapsedMs`. `cause` is the last error. */
export class RetryExhaustedError extends Error {
  private readonly [symbol] = true;
  /** How many times the operation ran. */
  readonly attempts: number;
  /** Time from the first attempt to giving up, on the retry's clock. */
  readonly elapsedMs: number;

  constructor(o: { attempts: number; elapsedMs: number; reason: string; cause: unknown }) {
    super(
      `Gave up after ${o.attempts} attempt${o.attempts === 1 ? '' : 's'} over ${o.elapsedMs} ms (${o.reason}); last error: ${describeError(o.cause)}`,
      { cause: o.cause },
    );
    this.name = 'RetryExhaustedError';
    this.attempts = o.attempts;
    this.elapsedMs = o.elapsedMs;
  }

  static isInstance(error: unknown): error is RetryExhaustedError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return JSON.stringify(error) ?? String(error);
}
