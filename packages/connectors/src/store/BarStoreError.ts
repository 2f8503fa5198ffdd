const marker = 'ares.error.BarStore';
const symbol = Symbol.for(marker);

/**
 * A bar-store failure. `reason`: `corrupt` (bad magic, version, checksum or size: the file is not
 * used), `invalid-input` (a series that is not strictly ascending, a bad symbol or timeframe),
 * `not-found` (no file for that symbol and timeframe).
 */
export class BarStoreError extends Error {
  private readonly [symbol] = true;
  readonly reason: 'corrupt' | 'invalid-input' | 'not-found';
  /** The file concerned, or the argument at fault for `invalid-input`. */
  readonly path: string;

  constructor(o: { reason: BarStoreError['reason']; path: string; message: string; cause?: unknown }) {
    super(o.message, { cause: o.cause });
    this.name = 'BarStoreError';
    this.reason = o.reason;
    this.path = o.path;
  }

  static isInstance(error: unknown): error is BarStoreError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
