const marker = 'ares.error.ConnectorOption';
const symbol = Symbol.for(marker);

/** An option of a connector factory (ccxt venue or feed, emulator, downloader) is invalid. */
export class ConnectorOptionError extends Error {
  private readonly [symbol] = true;
  /** The option's path, e.g. `requestBudget.capacity`. */
  readonly argument: string;

  constructor(o: { argument: string; message: string; cause?: unknown }) {
    super(o.message, { cause: o.cause });
    this.name = 'ConnectorOptionError';
    this.argument = o.argument;
  }

  static isInstance(error: unknown): error is ConnectorOptionError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}

/** Throws unless `value` is a finite number > 0 (an integer when `integer`). */
export function checkPositive(argument: string, value: number, integer = false): number {
  const ok = Number.isFinite(value) && value > 0 && (!integer || Number.isInteger(value));
  if (!ok)
    throw new ConnectorOptionError({
      argument,
      message: `Invalid "${argument}": expected ${integer ? 'an integer' : 'a finite number'} > 0, received "${value}".`,
    });
  return value;
}
