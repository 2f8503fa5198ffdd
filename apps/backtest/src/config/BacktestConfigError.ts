const marker = 'ares.error.BacktestConfig';
const symbol = Symbol.for(marker);

/** A backtest setting that cannot be used: names the setting, what was expected and what was received. */
export class BacktestConfigError extends Error {
  private readonly [symbol] = true;
  readonly argument: string;

  constructor(o: { argument: string; message: string; cause?: unknown }) {
    super(o.message, { cause: o.cause });
    this.name = 'BacktestConfigError';
    this.argument = o.argument;
  }

  static isInstance(error: unknown): error is BacktestConfigError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
