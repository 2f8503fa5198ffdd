const marker = 'ares.error.NotEnoughData';
const symbol = Symbol.for(marker);

/** `getResultOrThrow()` was called while the indicator is still warming up. */
export class NotEnoughDataError extends Error {
  readonly [symbol] = true;
  /** Inputs the indicator needs before its first result. */
  readonly requiredInputs: number;

  constructor(o: { indicator: string; requiredInputs: number }) {
    super(`${o.indicator} is warming up: it needs ${o.requiredInputs} inputs before its first result. Check "isStable" first.`);
    this.name = 'NotEnoughDataError';
    this.requiredInputs = o.requiredInputs;
  }

  static isInstance(error: unknown): error is NotEnoughDataError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
