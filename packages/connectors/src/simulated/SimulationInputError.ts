const marker = 'ares.error.SimulationInput';
const symbol = Symbol.for(marker);

/**
 * Bad input to the simulated exchange, the synthetic market or the bar store that is not an order
 * (orders fail with an `ExchangeError`): a config, a bar out of order, a corrupt checkpoint state.
 * `argument` is the path of the offending value, e.g. `config.markets.0.tickSize` or `bar.timestamp`.
 */
export class SimulationInputError extends Error {
  private readonly [symbol] = true;
  readonly argument: string;

  constructor(o: { argument: string; message: string; cause?: unknown }) {
    super(o.message, { cause: o.cause });
    this.name = 'SimulationInputError';
    this.argument = o.argument;
  }

  static isInstance(error: unknown): error is SimulationInputError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
