import type { Clock } from '../clock/Clock.js';
import { LiveClock } from '../clock/LiveClock.js';
import { type ShutdownSignal, ShutdownRequestedError } from './ShutdownRequestedError.js';

/** Conventional exit codes for a process ended by a signal: 128 + the signal number. */
export const SIGNAL_EXIT_CODES: Readonly<Record<ShutdownSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

/** The part of `process` the handlers use; tests pass an EventEmitter. */
export interface SignalSource {
  on(event: ShutdownSignal, listener: () => void): unknown;
  off(event: ShutdownSignal, listener: () => void): unknown;
}

export interface ShutdownOptions {
  /** Aborted with a {@link ShutdownRequestedError} on the first signal. */
  readonly controller: AbortController;
  /** Time the pipeline gets to finish its step and persist before the process is forced to exit. */
  readonly graceMs: number;
  /** Told about each signal: `graceful` on the first, `forced` on a second signal or when grace runs out. */
  readonly onSignal?: (signal: ShutdownSignal, phase: 'graceful' | 'forced') => void;
  /** Ends the process; called with 130 (SIGINT) or 143 (SIGTERM). Default `process.exit`. */
  readonly exit?: (code: number) => void;
  readonly clock?: Clock;
  readonly source?: SignalSource;
}

export interface ShutdownHandle {
  /** The first signal received, if any. */
  readonly signal: ShutdownSignal | undefined;
  /** Removes the listeners and the grace timer. Idempotent. */
  dispose(): void;
}

let nextHandleId = 0;

/**
 * SIGINT/SIGTERM handling for one pipeline run: the first signal aborts the run and starts the grace
 * period; a second signal, or the end of the grace period, exits at once. Listeners are removed on
 * dispose, so many runs in one process leak nothing.
 */
export function installShutdownHandlers(options: ShutdownOptions): ShutdownHandle {
  const source = options.source ?? process;
  const clock = options.clock ?? new LiveClock();
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const timerName = `shutdown-grace#${nextHandleId++}`;
  let received: ShutdownSignal | undefined;
  let disposed = false;

  const forceExit = (signal: ShutdownSignal): void => {
    options.onSignal?.(signal, 'forced');
    exit(SIGNAL_EXIT_CODES[signal]);
  };
  const onSignal = (signal: ShutdownSignal): void => {
    if (received !== undefined) {
      forceExit(signal);
      return;
    }
    received = signal;
    options.onSignal?.(signal, 'graceful');
    clock.setTimeAlert(timerName, clock.now() + options.graceMs, () => forceExit(signal));
    options.controller.abort(new ShutdownRequestedError(signal));
  };
  const onSigint = (): void => onSignal('SIGINT');
  const onSigterm = (): void => onSignal('SIGTERM');
  source.on('SIGINT', onSigint);
  source.on('SIGTERM', onSigterm);

  return {
    get signal() {
      return received;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      source.off('SIGINT', onSigint);
      source.off('SIGTERM', onSigterm);
      clock.cancelTimer(timerName);
    },
  };
}
