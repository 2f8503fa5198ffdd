const marker = 'ares.error.core-engine.TradingEngine';
const symbol = Symbol.for(marker);

/**
 * A programming or configuration error of the engine or the runner: bad config, a signal source whose
 * feature spec differs from the engine's, a foreign checkpoint. Market input never throws this: a bad
 * bar or a failing stage is a `TickResult`.
 */
export class TradingEngineError extends Error {
  private readonly [symbol] = true;
  /** The argument or field at fault, e.g. `config.timeframe` or `source.featureSpec`. */
  readonly argument: string;

  constructor(o: { argument: string; message: string; cause?: unknown }) {
    super(o.message, { cause: o.cause });
    this.name = 'TradingEngineError';
    this.argument = o.argument;
  }

  static isInstance(error: unknown): error is TradingEngineError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
