const marker = 'ares.error.ShutdownRequested';
const symbol = Symbol.for(marker);

export type ShutdownSignal = 'SIGINT' | 'SIGTERM';

/** The abort reason a pipeline sees when SIGINT or SIGTERM asks it to stop. */
export class ShutdownRequestedError extends Error {
  private readonly [symbol] = true;
  readonly signal: ShutdownSignal;

  constructor(signal: ShutdownSignal) {
    super(`Shutdown requested by ${signal}: finishing the current step, then cleaning up.`);
    this.name = 'ShutdownRequestedError';
    this.signal = signal;
  }

  static isInstance(error: unknown): error is ShutdownRequestedError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
