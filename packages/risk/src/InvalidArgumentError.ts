const marker = 'ares.error.InvalidArgument';
const symbol = Symbol.for(marker);

/**
 * A standalone formula (Kelly, stops, rounding, R-multiple) received an argument outside its domain.
 * The risk engine never throws this while deciding: it checks market input first and denies with a reason.
 */
export class InvalidArgumentError extends Error {
  private readonly [symbol] = true;
  /** The argument's name, e.g. `winProbability`. */
  readonly argument: string;

  constructor(o: { argument: string; expected: string; received: unknown }) {
    super(`Invalid "${o.argument}": expected ${o.expected}, received "${String(o.received)}".`);
    this.name = 'InvalidArgumentError';
    this.argument = o.argument;
  }

  static isInstance(error: unknown): error is InvalidArgumentError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}

/** Throws unless `value` is a finite number >= `min` (or > `min` when `exclusive`). */
export function requireNumber(argument: string, value: number, min: number, exclusive = false): void {
  const ok = Number.isFinite(value) && (exclusive ? value > min : value >= min);
  if (!ok) throw new InvalidArgumentError({ argument, expected: `a finite number ${exclusive ? '>' : '>='} ${min}`, received: value });
}
